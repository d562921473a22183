package org.tokengov.offboarding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.redcap.RedcapAccounts;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapProperties;

/**
 * Suspends the REDCap account of a person who left the organisation, when {@code tokengov.offboarding.suspend-redcap-account}
 * is on, and lifts it on their rehire. Each suspension this system set (or asked an administrator for) is recorded per
 * event and server, so a rehire lifts only those: a suspension an administrator made for other reasons stays. Safe to
 * repeat: a recorded step is not done twice.
 */
@Service("redcapAccountSuspensions")
public class RedcapAccountSuspensions {

    private record Recorded(String eventId, RedcapEnvironment environment, LocalDateTime suspendedTime) {
    }

    private final OffboardingEvents events;
    private final OffboardingProperties properties;
    private final RedcapAccounts accounts;
    private final RedcapProperties servers;
    private final JdbcClient jdbc;
    private final AuditTrail auditTrail;
    private final Clock clock;

    RedcapAccountSuspensions(OffboardingEvents events, OffboardingProperties properties, RedcapAccounts accounts,
            RedcapProperties servers, JdbcClient jdbc, AuditTrail auditTrail, Clock clock) {
        this.events = events;
        this.properties = properties;
        this.accounts = accounts;
        this.servers = servers;
        this.jdbc = jdbc;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** The gateway of OffboardingProcess: read from the event and the setting, never from a process variable. */
    public boolean applies(String eventId) {
        return properties.suspendRedcapAccount() && OffboardingEvent.TERMINATED.equals(events.get(eventId).type());
    }

    /** Suspends the account on every REDCap server as of the effective date; what was done, one line per server. */
    List<String> suspend(OffboardingEvent event) {
        List<String> lines = new ArrayList<>();
        for (RedcapEnvironment environment : servers.environments().keySet()) {
            if (recorded(event.id(), environment)) {
                continue;
            }
            LocalDateTime at = accounts.localTime(environment, event.effectiveAt());
            String line = switch (accounts.suspend(environment, event.username(), at)) {
                case DONE -> record(event, environment, at, "REDCap account suspended as of " + at);
                case BY_HAND -> record(event, environment, null, "BY HAND: suspend " + event.username()
                        + "'s REDCap account in the Control Center (REDCap's API cannot); a rehire will ask to lift it");
                case NOTHING_TO_DO -> environment + ": no REDCap account, or suspended already (left as it is)";
            };
            auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.REDCAP_ACCOUNT_SUSPENDED, null, null,
                    event.username() + " (event " + event.id() + "): " + line);
            lines.add(line);
        }
        return lines;
    }

    /** What the suspension step did for the event, for the offboarding notice; "" when it did nothing. */
    String summary(OffboardingEvent event) {
        List<String> lines = new ArrayList<>();
        for (Recorded row : recordedFor(event.id())) {
            lines.add(row.environment() + ": " + (row.suspendedTime() == null
                    ? "suspend " + event.username() + "'s REDCap account by hand in the Control Center"
                    : "REDCap account suspended as of " + row.suspendedTime()));
        }
        return String.join("; ", lines);
    }

    /**
     * A rehire lifts every suspension this system set for the person and has not lifted yet (only while REDCap still
     * holds the value written); what was done, one line per server.
     */
    List<String> lift(OffboardingEvent rehire) {
        return lift(rehire, jdbc.sql("""
                select event_id, environment, suspended_time from redcap_account_suspension
                where lower(username) = lower(?) and lifted_at is null order by recorded_at, environment""")
                .param(rehire.username()), "rehired");
    }

    /**
     * A rejected termination wave gives back what its hold of this event suspended, and nothing else; what was done,
     * one line per server.
     */
    List<String> liftFor(OffboardingEvent rejected) {
        return lift(rejected, jdbc.sql("""
                select event_id, environment, suspended_time from redcap_account_suspension
                where event_id = ? and lifted_at is null order by environment""")
                .param(rejected.id()), "termination rejected");
    }

    private List<String> lift(OffboardingEvent by, JdbcClient.StatementSpec open, String why) {
        List<String> lines = new ArrayList<>();
        List<Recorded> rows = open
                .query((rs, row) -> new Recorded(rs.getString(1), RedcapEnvironment.valueOf(rs.getString(2)),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toLocalDateTime()))
                .list();
        for (Recorded row : rows) {
            String line = row.environment() + ": " + lift(by, row);
            jdbc.sql("update redcap_account_suspension set lifted_by_event = ?, lifted_at = ? where event_id = ? and environment = ?")
                    .params(by.id(), Timestamp.from(clock.instant()), row.eventId(), row.environment().name())
                    .update();
            auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.REDCAP_ACCOUNT_UNSUSPENDED, null, null,
                    by.username() + " " + why + " (event " + by.id() + "), suspended for event " + row.eventId()
                            + ": " + line);
            lines.add(line);
        }
        return lines;
    }

    private String lift(OffboardingEvent by, Recorded row) {
        if (row.suspendedTime() == null) {
            return "BY HAND: lift the suspension of " + by.username() + "'s REDCap account asked for at their"
                    + " termination, unless it is suspended for another reason";
        }
        return switch (accounts.lift(row.environment(), by.username(), row.suspendedTime())) {
            case DONE -> "suspension of " + row.suspendedTime() + " lifted";
            case NOTHING_TO_DO -> "not lifted: REDCap no longer holds the suspension this system set (lifted or"
                    + " changed by an administrator since)";
            case BY_HAND -> "BY HAND: lift the suspension of " + row.suspendedTime() + " in the Control Center, unless"
                    + " it is suspended for another reason";
        };
    }

    private String record(OffboardingEvent event, RedcapEnvironment environment, LocalDateTime suspendedTime,
            String line) {
        jdbc.sql("""
                insert into redcap_account_suspension (event_id, environment, username, suspended_time, recorded_at)
                values (?, ?, ?, ?, ?)""")
                .params(event.id(), environment.name(), event.username(),
                        suspendedTime == null ? null : Timestamp.valueOf(suspendedTime), Timestamp.from(clock.instant()))
                .update();
        return environment + ": " + line;
    }

    private boolean recorded(String eventId, RedcapEnvironment environment) {
        return jdbc.sql("select count(*) from redcap_account_suspension where event_id = ? and environment = ?")
                .params(eventId, environment.name()).query(Long.class).single() > 0;
    }

    private List<Recorded> recordedFor(String eventId) {
        return jdbc.sql("select event_id, environment, suspended_time from redcap_account_suspension where event_id = ?"
                + " order by environment")
                .param(eventId)
                .query((rs, row) -> new Recorded(rs.getString(1), RedcapEnvironment.valueOf(rs.getString(2)),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toLocalDateTime()))
                .list();
    }
}
