package org.tokengov.redcap;

import java.time.Instant;
import java.time.LocalDateTime;
import org.springframework.stereotype.Component;

/**
 * A person's REDCap account on a server, as a whole: suspended, REDCap refuses every API token they hold, on every
 * project, registered here or not. The database mode writes {@code user_suspended_time} with SQL; REDCap's API has no
 * method to suspend a user, so the manual mode leaves it to an administrator ({@link Outcome#BY_HAND}).
 */
@Component
public class RedcapAccounts {

    /** What a suspension, or lifting it, did. */
    public enum Outcome {
        /** Written now. */
        DONE,
        /** Nothing written: no such account, already suspended (suspending), or no longer our suspension (lifting). */
        NOTHING_TO_DO,
        /** The manual mode: only an administrator can do it, in REDCap's Control Center. */
        BY_HAND
    }

    private final RedcapProperties servers;
    private final DatabaseTokenAdministration database;

    RedcapAccounts(RedcapProperties servers, DatabaseTokenAdministration database) {
        this.servers = servers;
        this.database = database;
    }

    /** {@code at} on the server's wall clock: REDCap keeps its times in its local time zone. */
    public LocalDateTime localTime(RedcapEnvironment environment, Instant at) {
        return LocalDateTime.ofInstant(at, servers.server(environment).timeZone()).withNano(0);
    }

    public Outcome suspend(RedcapEnvironment environment, String username, LocalDateTime at) {
        if (!inDatabaseMode(environment)) {
            return Outcome.BY_HAND;
        }
        return database.suspendAccount(environment, username, at) ? Outcome.DONE : Outcome.NOTHING_TO_DO;
    }

    /** Lifts the suspension set at {@code setAt}, if it is still that one. */
    public Outcome lift(RedcapEnvironment environment, String username, LocalDateTime setAt) {
        if (!inDatabaseMode(environment)) {
            return Outcome.BY_HAND;
        }
        return database.liftSuspension(environment, username, setAt) ? Outcome.DONE : Outcome.NOTHING_TO_DO;
    }

    private boolean inDatabaseMode(RedcapEnvironment environment) {
        return servers.server(environment).tokenAdministration() == TokenAdministrationMode.DATABASE;
    }
}
