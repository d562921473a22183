package org.tokengov.usage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.tokengov.redcap.RedcapEnvironment;

/**
 * Adds the API calls the log reader just read to the minute and hour counts, in the reader's transaction (the one that
 * moves its cursor): a row of REDCap's log is counted exactly once. The rows a batch touches are read once, merged in
 * memory and written back in two JDBC batches per table, so a batch of a thousand log rows costs a handful of
 * statements. Only one catch-up reads a project at a time (its cursor row is locked), so nobody else writes these
 * rows meanwhile.
 */
@Repository
public class ApiCallCounts {

    /** Rows per multi-row insert: well under PostgreSQL's 32,767 parameters a statement. */
    static final int ROWS_PER_INSERT = 500;

    private final JdbcTemplate jdbc;

    ApiCallCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Key(String username, Instant start) {
    }

    private record Hour(UsageCounts counts, long busiestMinuteCalls, Instant busiestMinuteAt) {
    }

    public void add(RedcapEnvironment environment, long projectId, List<ApiCall> calls) {
        if (calls.isEmpty()) {
            return;
        }
        Map<Key, UsageCounts> minutes = new HashMap<>();
        Instant first = null;
        Instant last = null;
        for (ApiCall call : calls) {
            Instant minute = call.at().truncatedTo(ChronoUnit.MINUTES);
            minutes.merge(new Key(call.username(), minute), UsageCounts.of(call.kind()), UsageCounts::plus);
            first = first == null || minute.isBefore(first) ? minute : first;
            last = last == null || minute.isAfter(last) ? minute : last;
        }
        Map<Key, UsageCounts> knownMinutes = knownMinutes(environment, projectId, first, last);
        List<Object[]> minuteInserts = new ArrayList<>();
        List<Object[]> minuteUpdates = new ArrayList<>();
        Map<Key, Hour> hours = new HashMap<>();
        for (Map.Entry<Key, UsageCounts> added : minutes.entrySet()) {
            UsageCounts known = knownMinutes.get(added.getKey());
            UsageCounts total = known == null ? added.getValue() : known.plus(added.getValue());
            (known == null ? minuteInserts : minuteUpdates).add(row(environment, projectId, added.getKey(), total));
            Key hour = new Key(added.getKey().username(), added.getKey().start().truncatedTo(ChronoUnit.HOURS));
            hours.merge(hour, new Hour(added.getValue(), total.calls(), added.getKey().start()), ApiCallCounts::merge);
        }
        Map<Key, Hour> knownHours = knownHours(environment, projectId, first.truncatedTo(ChronoUnit.HOURS), last);
        List<Object[]> hourInserts = new ArrayList<>();
        List<Object[]> hourUpdates = new ArrayList<>();
        for (Map.Entry<Key, Hour> added : hours.entrySet()) {
            Hour known = knownHours.get(added.getKey());
            Hour total = known == null ? added.getValue() : merge(known, added.getValue());
            Object[] counts = row(environment, projectId, added.getKey(), total.counts());
            Object[] row = new Object[counts.length + 2];
            System.arraycopy(counts, 0, row, 0, 5);
            row[5] = total.busiestMinuteCalls();
            row[6] = Timestamp.from(total.busiestMinuteAt());
            System.arraycopy(counts, 5, row, 7, counts.length - 5);
            (known == null ? hourInserts : hourUpdates).add(row);
        }
        write("api_usage_minute", "minute_start", "", minuteInserts, minuteUpdates);
        write("api_usage_hour", "hour_start", ", busiest_minute_calls = ?, busiest_minute_at = ?", hourInserts,
                hourUpdates);
    }

    /** Counts add up; the busiest minute is the larger of the two, as each holds its minute's total so far. */
    private static Hour merge(Hour a, Hour b) {
        Hour busier = b.busiestMinuteCalls() > a.busiestMinuteCalls() ? b : a;
        return new Hour(a.counts().plus(b.counts()), busier.busiestMinuteCalls(), busier.busiestMinuteAt());
    }

    /** calls, record_exports, other_exports, imports, file_downloads, environment, project_id, username, start. */
    private static Object[] row(RedcapEnvironment environment, long projectId, Key key, UsageCounts counts) {
        return new Object[] {counts.calls(), counts.recordExports(), counts.otherExports(), counts.imports(),
                counts.fileDownloads(), environment.name(), projectId, key.username(), Timestamp.from(key.start())};
    }

    private void write(String table, String startColumn, String extraSet, List<Object[]> inserts, List<Object[]> updates) {
        String extraColumns = extraSet.isEmpty() ? "" : ", busiest_minute_calls, busiest_minute_at";
        String extraMarks = extraSet.isEmpty() ? "" : ", ?, ?";
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("update " + table + " set calls = ?, record_exports = ?, other_exports = ?, imports = ?,"
                    + " file_downloads = ?" + extraSet + " where environment = ? and project_id = ? and username = ?"
                    + " and " + startColumn + " = ?", updates);
        }
        String columns = "insert into " + table + " (calls, record_exports, other_exports, imports, file_downloads"
                + extraColumns + ", environment, project_id, username, " + startColumn + ") values ";
        String marks = "(?, ?, ?, ?, ?" + extraMarks + ", ?, ?, ?, ?)";
        // Many rows a statement: a day's first reading inserts most of its minutes, one round trip each was the cost.
        for (int from = 0; from < inserts.size(); from += ROWS_PER_INSERT) {
            List<Object[]> chunk = inserts.subList(from, Math.min(inserts.size(), from + ROWS_PER_INSERT));
            jdbc.update(columns + String.join(", ", Collections.nCopies(chunk.size(), marks)),
                    chunk.stream().flatMap(Arrays::stream).toArray());
        }
    }

    private Map<Key, UsageCounts> knownMinutes(RedcapEnvironment environment, long projectId, Instant first, Instant last) {
        Map<Key, UsageCounts> known = new HashMap<>();
        jdbc.query("select username, minute_start, calls, record_exports, other_exports, imports, file_downloads"
                        + " from api_usage_minute where environment = ? and project_id = ? and minute_start between ? and ?",
                (RowCallbackHandler) rs -> known.put(new Key(rs.getString(1), rs.getTimestamp(2).toInstant()), counts(rs, 3)),
                environment.name(), projectId, Timestamp.from(first), Timestamp.from(last));
        return known;
    }

    private Map<Key, Hour> knownHours(RedcapEnvironment environment, long projectId, Instant first, Instant last) {
        Map<Key, Hour> known = new HashMap<>();
        jdbc.query("select username, hour_start, calls, record_exports, other_exports, imports, file_downloads,"
                        + " busiest_minute_calls, busiest_minute_at from api_usage_hour"
                        + " where environment = ? and project_id = ? and hour_start between ? and ?",
                (RowCallbackHandler) rs -> known.put(new Key(rs.getString(1), rs.getTimestamp(2).toInstant()),
                        new Hour(counts(rs, 3), rs.getLong(8), rs.getTimestamp(9).toInstant())),
                environment.name(), projectId, Timestamp.from(first), Timestamp.from(last));
        return known;
    }

    static UsageCounts counts(ResultSet rs, int firstColumn) throws SQLException {
        return new UsageCounts(rs.getLong(firstColumn), rs.getLong(firstColumn + 1), rs.getLong(firstColumn + 2),
                rs.getLong(firstColumn + 3), rs.getLong(firstColumn + 4));
    }
}
