package org.tokengov.redcaplog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;

/**
 * Each user's last API call per project ({@code redcap_api_use}), and their last export and import call (for the access
 * review's minimum necessary access), whether or not they hold a registered token, and
 * the registry's {@code lastUsedAt} of their live token there. REDCap logs calls per user and project, not per token
 * value, so a call before the token's issue still counts here; the inactivity rule starts at the issue then.
 */
@Repository
class ApiUses {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TokenRegistry registry;

    ApiUses(JdbcClient jdbc, JdbcTemplate batch, TokenRegistry registry) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.registry = registry;
    }

    /**
     * A user's newest calls in what was read: any call, and the newest that used API Export and API Import
     * ({@code null}: none seen).
     */
    record LastCalls(Instant any, Instant export, Instant importData) {

        static LastCalls of(Instant at, Optional<ApiCallRight> right) {
            return new LastCalls(at, right.filter(ApiCallRight.EXPORT::equals).map(used -> at).orElse(null),
                    right.filter(ApiCallRight.IMPORT::equals).map(used -> at).orElse(null));
        }

        LastCalls newest(LastCalls other) {
            return new LastCalls(later(any, other.any), later(export, other.export), later(importData, other.importData));
        }

        private static Instant later(Instant a, Instant b) {
            return a == null ? b : b == null || !b.isAfter(a) ? a : b;
        }
    }

    /**
     * @param lastCalls the newest calls of each user in what was just read. A few statements per batch, whatever the
     *        number of users: the project's known rows and tokens are read once, the changes written in two batches.
     */
    void record(RedcapEnvironment environment, long projectId, Map<String, LastCalls> lastCalls) {
        if (lastCalls.isEmpty()) {
            return;
        }
        Map<String, LastCalls> known = new HashMap<>();
        jdbc.sql("select username, last_call_at, last_export_at, last_import_at from redcap_api_use"
                        + " where environment = ? and project_id = ?")
                .params(environment.name(), projectId)
                .query((RowCallbackHandler) rs -> known.put(rs.getString(1), new LastCalls(instant(rs.getTimestamp(2)),
                        instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)))));
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        lastCalls.forEach((username, calls) -> {
            LastCalls before = known.get(username);
            LastCalls newest = before == null ? calls : before.newest(calls);
            if (newest.equals(before)) {
                return;
            }
            Object[] row = {timestamp(newest.any()), timestamp(newest.export()), timestamp(newest.importData()),
                    environment.name(), projectId, username};
            (before == null ? inserts : updates).add(row);
        });
        if (!updates.isEmpty()) {
            batch.batchUpdate("update redcap_api_use set last_call_at = ?, last_export_at = ?, last_import_at = ?"
                    + " where environment = ? and project_id = ? and username = ?", updates);
        }
        if (!inserts.isEmpty()) {
            batch.batchUpdate("insert into redcap_api_use (last_call_at, last_export_at, last_import_at, environment,"
                    + " project_id, username) values (?, ?, ?, ?, ?, ?)", inserts);
        }
        Map<String, Instant> byLowerName = new HashMap<>();
        lastCalls.forEach((username, calls) -> byLowerName.merge(username.toLowerCase(Locale.ROOT), calls.any(),
                (a, b) -> a.isAfter(b) ? a : b));
        Map<String, Instant> lastUses = new HashMap<>();
        for (IssuedToken token : registry.onProject(environment, projectId)) {
            Instant at = byLowerName.get(token.holder().toLowerCase(Locale.ROOT));
            if (at != null && token.state().isLive() && (token.lastUsedAt() == null || at.isAfter(token.lastUsedAt()))) {
                lastUses.put(token.id(), at);
            }
        }
        registry.recordLastUses(lastUses);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
