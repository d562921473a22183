package org.tokengov.redcap;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Ends a person's access to a REDCap project the way REDCap's User Rights page does: the user's {@code expiration}
 * (REDCap refuses them from that day on), never a deleted user row, so REDCap's history of them stays. The database
 * mode writes it with SQL; the manual mode through REDCap's API user import, which REDCap refuses for a member of a
 * user role ({@link RedcapRoleMemberException}: an administrator sets it by hand).
 */
@Component
public class ProjectAccess {

    /** What ending the access did. */
    public enum Outcome {
        /** The expiration is set now. */
        ENDED,
        /** Nothing to do: not a user of the project, or expiring by that day already. */
        NOTHING_TO_END
    }

    private final RedcapProperties servers;
    private final DatabaseTokenAdministration database;
    private final RedcapApiClient api;

    ProjectAccess(RedcapProperties servers, DatabaseTokenAdministration database, RedcapApiClient api) {
        this.servers = servers;
        this.database = database;
        this.api = api;
    }

    public Outcome end(RedcapEnvironment environment, long projectId, String username, LocalDate expiration, String by) {
        if (servers.server(environment).tokenAdministration() == TokenAdministrationMode.DATABASE) {
            return database.setExpiration(environment, projectId, username, expiration, by) ? Outcome.ENDED
                    : Outcome.NOTHING_TO_END;
        }
        Optional<RedcapProjectUser> user = api.findProjectUser(environment, projectId, username);
        if (user.isEmpty() || user.get().expiration() != null && !user.get().expiration().isAfter(expiration)) {
            return Outcome.NOTHING_TO_END;
        }
        api.setExpiration(environment, projectId, username, expiration);
        return Outcome.ENDED;
    }
}
