package org.tokengov.redcaplog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tokengov.redcap.RedcapEnvironment;

/**
 * Which API rights each user's calls used on a project, as far as the log reader has read REDCap's log: the last
 * export call and the last import call ({@code redcap_api_use}). For the access review's minimum necessary access.
 */
@Service
public class RightsUsedInRedcap {

    /** A user's last export and import call; {@code null}: none seen. */
    public record Use(Instant lastExport, Instant lastImport) {
        static final Use NONE = new Use(null, null);
    }

    /**
     * What the reader has seen of a project.
     *
     * @param read     whether the log reader has read the project's log at all
     * @param seenFrom since when calls are told apart by right ({@code null}: the project's whole log)
     * @param byUser   by lower-case username
     */
    public record Project(boolean read, Instant seenFrom, Map<String, Use> byUser) {

        public Use of(String username) {
            return byUser.getOrDefault(username.toLowerCase(Locale.ROOT), Use.NONE);
        }
    }

    private final JdbcClient jdbc;

    RightsUsedInRedcap(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Project on(RedcapEnvironment environment, long projectId) {
        Optional<Instant[]> cursor = jdbc.sql("select read_at, rights_seen_from from redcap_log_cursor"
                        + " where environment = ? and project_id = ?")
                .params(environment.name(), projectId)
                .query((rs, row) -> new Instant[] {instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2))})
                .optional();
        Map<String, Use> byUser = new HashMap<>();
        jdbc.sql("select username, last_export_at, last_import_at from redcap_api_use where environment = ? and project_id = ?")
                .params(environment.name(), projectId)
                .query((RowCallbackHandler) rs -> byUser.put(rs.getString(1).toLowerCase(Locale.ROOT),
                        new Use(instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)))));
        return new Project(cursor.map(times -> times[0] != null).orElse(false), cursor.map(times -> times[1]).orElse(null),
                Map.copyOf(byUser));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
