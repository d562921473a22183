package org.tokengov.redcaplog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
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
    private final TokenRegistry registry;

    ApiUses(JdbcClient jdbc, TokenRegistry registry) {
        this.jdbc = jdbc;
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

    /** @param lastCalls the newest calls of each user in what was just read */
    void record(RedcapEnvironment environment, long projectId, Map<String, LastCalls> lastCalls) {
        lastCalls.forEach((username, calls) -> {
            Instant at = calls.any();
            Optional<LastCalls> known = jdbc.sql("select last_call_at, last_export_at, last_import_at from redcap_api_use"
                            + " where environment = ? and project_id = ? and username = ?")
                    .params(environment.name(), projectId, username)
                    .query((rs, row) -> new LastCalls(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)),
                            instant(rs.getTimestamp(3))))
                    .optional();
            if (known.isEmpty()) {
                jdbc.sql("insert into redcap_api_use (environment, project_id, username, last_call_at, last_export_at,"
                                + " last_import_at) values (?, ?, ?, ?, ?, ?)")
                        .params(environment.name(), projectId, username, Timestamp.from(at), timestamp(calls.export()),
                                timestamp(calls.importData()))
                        .update();
            } else if (!known.get().newest(calls).equals(known.get())) {
                LastCalls newest = known.get().newest(calls);
                jdbc.sql("update redcap_api_use set last_call_at = ?, last_export_at = ?, last_import_at = ?"
                                + " where environment = ? and project_id = ? and username = ?")
                        .params(timestamp(newest.any()), timestamp(newest.export()), timestamp(newest.importData()),
                                environment.name(), projectId, username)
                        .update();
            }
            registry.ofUserOn(environment, projectId, username).stream().filter(token -> token.state().isLive())
                    .filter(token -> token.lastUsedAt() == null || at.isAfter(token.lastUsedAt()))
                    .map(IssuedToken::id)
                    .forEach(tokenId -> registry.recordLastUse(tokenId, at));
        });
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
