package org.tokengov.offboarding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tokengov.request.Departures;

/**
 * Departures as the offboarding log records them, by effective date: a termination in effect that no rehire followed
 * stops every new request; having left a production project (with no rehire since) stops requests for that project.
 */
@Service
class RecordedDepartures implements Departures {

    private final JdbcClient jdbc;
    private final Clock clock;

    RecordedDepartures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<String> departureBlocking(String username, long productionProjectId) {
        Timestamp now = Timestamp.from(clock.instant());
        Optional<Latest> latest = jdbc.sql("""
                select event_type, effective_at from offboarding_event
                where username = ? and event_type in (?, ?) and effective_at <= ? and outcome <> ?
                order by effective_at desc, received_at desc""")
                .params(username, OffboardingEvent.TERMINATED, OffboardingEvent.REHIRED, now, OffboardingOutcome.IGNORED.name())
                .query((rs, row) -> new Latest(rs.getString(1), rs.getTimestamp(2)))
                .list().stream().findFirst();
        if (latest.isPresent() && OffboardingEvent.TERMINATED.equals(latest.get().type())) {
            return Optional.of("'" + username + "' left the organisation on " + day(latest.get().effectiveAt())
                    + ": people who left get no API tokens. If this is wrong, ask HR to report the rehire.");
        }
        Timestamp rehiredAt = latest.map(Latest::effectiveAt).orElse(null);
        Optional<Timestamp> leftProject = jdbc.sql("""
                select effective_at from offboarding_event
                where username = ? and event_type = ? and project_id = ? and effective_at <= ? and outcome <> ?
                order by effective_at desc""")
                .params(username, OffboardingEvent.LEFT_PROJECT, productionProjectId, now, OffboardingOutcome.IGNORED.name())
                .query(Timestamp.class).list().stream().findFirst();
        if (leftProject.isPresent() && (rehiredAt == null || leftProject.get().after(rehiredAt))) {
            return Optional.of("'" + username + "' left REDCap project " + productionProjectId + " on "
                    + day(leftProject.get()) + ": a person who left a project gets no API token for it.");
        }
        return Optional.empty();
    }

    private static String day(Timestamp at) {
        return at.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private record Latest(String type, Timestamp effectiveAt) {
    }
}
