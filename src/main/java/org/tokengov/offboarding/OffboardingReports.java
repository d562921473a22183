package org.tokengov.offboarding;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Evidence for auditors, read-only: which tokens each offboarding event revoked and how long full revocation took.
 * Written by {@code OffboardingProcess} into {@code offboarding_revocation}; this class only reads.
 */
@Service
public class OffboardingReports {

    /** One token in an event's scope; {@code revokedAt} is null while its revocation is pending. */
    public record Revocation(String environment, long projectId, String tokenId, Instant revokedAt) {
    }

    /** An event with every token it revokes. */
    public record Report(OffboardingEvent event, List<Revocation> revocations) {

        /** From receipt to the last revocation; null while any is pending, or when there was nothing to revoke. */
        public Long secondsToFullRevocation() {
            if (revocations.isEmpty() || revocations.stream().anyMatch(revocation -> revocation.revokedAt() == null)) {
                return null;
            }
            Instant last = revocations.stream().map(Revocation::revokedAt).max(Comparator.naturalOrder()).orElseThrow();
            return Duration.between(event.receivedAt(), last).toSeconds();
        }
    }

    private static final String SELECT_REVOCATION = """
            select r.event_id, r.environment, r.project_id, r.token_id, r.revoked_at
            from offboarding_revocation r""";
    private static final String REVOCATION_ORDER = " order by r.environment, r.project_id, r.token_id";

    private final JdbcClient jdbc;
    private final OffboardingEvents events;

    OffboardingReports(JdbcClient jdbc, OffboardingEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public Optional<Report> of(String eventId) {
        return events.find(eventId).map(event -> new Report(event, revocationsOf(eventId)));
    }

    /** Events received from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    public List<Report> receivedBetween(Instant from, Instant to) {
        List<String> ids = jdbc.sql("""
                        select id from offboarding_event where received_at >= ? and received_at < ?
                        order by received_at, id""")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query(String.class)
                .list();
        // One query for all revocations of the range rather than one per event.
        Map<String, List<Revocation>> revocations = jdbc.sql(SELECT_REVOCATION
                        + " join offboarding_event e on e.id = r.event_id where e.received_at >= ? and e.received_at < ?"
                        + REVOCATION_ORDER)
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, row) -> Map.entry(rs.getString(1), toRevocation(rs, row)))
                .list().stream()
                .collect(groupingBy(Map.Entry::getKey, mapping(Map.Entry::getValue, toList())));
        return ids.stream()
                .flatMap(id -> events.find(id).stream())
                .map(event -> new Report(event, revocations.getOrDefault(event.id(), List.of())))
                .toList();
    }

    private List<Revocation> revocationsOf(String eventId) {
        return jdbc.sql(SELECT_REVOCATION + " where r.event_id = ?" + REVOCATION_ORDER)
                .param(eventId)
                .query(OffboardingReports::toRevocation)
                .list();
    }

    private static Revocation toRevocation(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp(5);
        return new Revocation(rs.getString(2), rs.getLong(3), rs.getString(4), revoked == null ? null : revoked.toInstant());
    }
}
