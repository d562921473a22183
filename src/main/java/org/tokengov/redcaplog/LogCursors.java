package org.tokengov.redcaplog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tokengov.redcap.RedcapEnvironment;

/**
 * Where the log reader stopped, per environment and project ({@code redcap_log_cursor}), and, for the API's log, the
 * digests of the rows already seen in the window it reads again ({@code redcap_log_seen_row}). A catch-up locks the
 * project's cursor row ({@code select … for update}) for the length of a batch: a second catch-up (another replica,
 * the timer and an administrator) waits, then reads on from where the first stopped.
 */
@Repository
class LogCursors {

    /**
     * @param lastLogEventId the last {@code log_event_id} read (database mode), 0 before the first read
     * @param beginLocalTime where the next API read begins (REDCap's local time), null before the first
     * @param lastRowAt the instant of the last row read, which decides a repeated hour's rows (see {@link RedcapLocalTime})
     * @param readAt when the last read was made
     */
    record Cursor(long lastLogEventId, LocalDateTime beginLocalTime, Instant lastRowAt, Instant readAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    /** Cursor rows are never deleted: once seen, a project's row need not be asked for again every catch-up. */
    private final Set<String> made = ConcurrentHashMap.newKeySet();

    LogCursors(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Makes the cursor row if there is none yet, in a transaction of its own (a concurrent insert is no error). */
    void ensure(RedcapEnvironment environment, long projectId) {
        String key = environment.name() + ":" + projectId;
        if (made.contains(key)) {
            return;
        }
        if (exists(environment, projectId)) {
            made.add(key);
            return;
        }
        try {
            ownTransaction.executeWithoutResult(status -> {
                if (!exists(environment, projectId)) {
                    jdbc.sql("insert into redcap_log_cursor (environment, project_id, last_log_event_id) values (?, ?, 0)")
                            .params(environment.name(), projectId).update();
                }
            });
        } catch (DuplicateKeyException madeMeanwhile) {
            // Another catch-up made it first: the same row.
        }
        made.add(key);
    }

    /** When each project's log was last read (projects never read are missing). */
    Map<Long, Instant> readAt(RedcapEnvironment environment) {
        Map<Long, Instant> read = new HashMap<>();
        jdbc.sql("select project_id, read_at from redcap_log_cursor where environment = ? and read_at is not null")
                .param(environment.name())
                .query((RowCallbackHandler) rs -> read.put(rs.getLong(1), rs.getTimestamp(2).toInstant()));
        return read;
    }

    /** Locks the cursor until the caller's transaction ends, and returns it. */
    Cursor lock(RedcapEnvironment environment, long projectId) {
        return jdbc.sql("select last_log_event_id, begin_local_time, last_row_at, read_at from redcap_log_cursor"
                        + " where environment = ? and project_id = ? for update")
                .params(environment.name(), projectId).query(LogCursors::cursor).single();
    }

    void advance(RedcapEnvironment environment, long projectId, Cursor cursor) {
        jdbc.sql("update redcap_log_cursor set last_log_event_id = ?, begin_local_time = ?, last_row_at = ?, read_at = ?"
                        + " where environment = ? and project_id = ?")
                .params(cursor.lastLogEventId(), cursor.beginLocalTime(),
                        timestamp(cursor.lastRowAt()), timestamp(cursor.readAt()), environment.name(), projectId)
                .update();
    }

    /**
     * Locks the environment's cursor in REDCap's request log ({@code redcap_log_view}, one table for all projects) until
     * the caller's transaction ends, and returns the last {@code log_view_id} read. It is kept on the project-0 row,
     * which {@link #ensure} must have made.
     */
    long lockLogView(RedcapEnvironment environment) {
        return jdbc.sql("select last_log_view_id from redcap_log_cursor where environment = ? and project_id = 0"
                        + " for update")
                .param(environment.name()).query(Long.class).single();
    }

    void advanceLogView(RedcapEnvironment environment, long lastLogViewId) {
        jdbc.sql("update redcap_log_cursor set last_log_view_id = ? where environment = ? and project_id = 0")
                .params(lastLogViewId, environment.name()).update();
    }

    /** The digests of the API log's rows seen from the cursor's begin on, with how often each was seen. */
    Map<String, Integer> seenRows(RedcapEnvironment environment, long projectId) {
        Map<String, Integer> seen = new HashMap<>();
        jdbc.sql("select digest, occurrences from redcap_log_seen_row where environment = ? and project_id = ?")
                .params(environment.name(), projectId)
                .query((RowCallbackHandler) rs -> seen.put(rs.getString(1), rs.getInt(2)));
        return seen;
    }

    void replaceSeenRows(RedcapEnvironment environment, long projectId, Map<String, Integer> seen) {
        jdbc.sql("delete from redcap_log_seen_row where environment = ? and project_id = ?")
                .params(environment.name(), projectId).update();
        seen.forEach((digest, occurrences) -> jdbc.sql("insert into redcap_log_seen_row"
                        + " (environment, project_id, digest, occurrences) values (?, ?, ?, ?)")
                .params(environment.name(), projectId, digest, occurrences).update());
    }

    private boolean exists(RedcapEnvironment environment, long projectId) {
        return jdbc.sql("select count(*) from redcap_log_cursor where environment = ? and project_id = ?")
                .params(environment.name(), projectId).query(Long.class).single() > 0;
    }

    private static Cursor cursor(ResultSet rs, int row) throws SQLException {
        // A wall-clock time of REDCap's zone: read and written as such, never through this JVM's zone.
        return new Cursor(rs.getLong(1), rs.getObject(2, LocalDateTime.class), instant(rs.getTimestamp(3)),
                instant(rs.getTimestamp(4)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
