package org.tokengov.usage;

import org.tokengov.redcap.RedcapEnvironment;
import org.springframework.jdbc.core.RowCallbackHandler;
import java.util.Map;
import java.util.HashMap;
import java.util.ArrayList;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The API calls reported through {@code POST /api/usage-events} ({@code api_usage_call}): per call who, which project,
 * when, REDCap's content and action, and how the call narrowed what it asked for, as counts and flags only. Record
 * names, field names, filter logic and dates are never stored: they can be PHI, and the rules only need to know
 * whether a record export was filtered.
 */
@Repository
public class ReportedCalls {

    private final JdbcTemplate jdbc;

    ReportedCalls(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the calls whose sender id is new for their environment, all in one transaction; a call sent before (or
     * twice in this delivery) is skipped. Throws a data-integrity exception if a concurrent delivery stored one of the
     * same ids meanwhile (nothing of this one is then stored).
     *
     * @return how many calls were new, or -1 where the driver does not say
     */
    @Transactional
    int store(List<ReportedCall> calls, Instant receivedAt) {
        if (calls.isEmpty()) {
            return 0;
        }
        Timestamp received = Timestamp.from(receivedAt);
        int[] stored = jdbc.batchUpdate("insert into api_usage_call (environment, sender_id, project_id, username,"
                        + " called_at, content, action, record_count, field_count, form_count, has_filter_logic,"
                        + " has_date_range, has_file_field, received_at)"
                        // Typed, as a select list gives the parameters no column to take their type from.
                        + " select cast(? as varchar(8)), cast(? as varchar(255)), cast(? as bigint), cast(? as varchar(191)),"
                        + " cast(? as timestamp), cast(? as varchar(32)), cast(? as varchar(32)), cast(? as integer),"
                        + " cast(? as integer), cast(? as integer), cast(? as boolean), cast(? as boolean),"
                        + " cast(? as boolean), cast(? as timestamp)"
                        + " where not exists (select 1 from api_usage_call where environment = ? and sender_id = ?)",
                calls.stream().map(call -> new Object[] {call.environment(), call.id(), call.projectId(), call.username(),
                        Timestamp.from(call.calledAt()), call.content(), call.action(), call.recordCount(),
                        call.fieldCount(), call.formCount(), call.hasFilterLogic(), call.hasDateRange(),
                        call.hasFileField(), received, call.environment(), call.id()}).toList());
        return Arrays.stream(stored).anyMatch(count -> count < 0) ? -1 : Arrays.stream(stored).sum();
    }

    /** The record exports reported for the token (its user, project and environment) in [from, to), oldest first. */
    public List<ReportedExport> recordExports(UsageKey key, Instant from, Instant to) {
        return jdbc.query("select called_at, record_count, field_count, has_filter_logic, has_date_range"
                        + " from api_usage_call where environment = ? and project_id = ? and username = ?"
                        + " and content = 'record' and action = 'export' and called_at >= ? and called_at < ?"
                        + " order by called_at, sender_id",
                (rs, row) -> ReportedExport.of(rs.getTimestamp(1).toInstant(), rs.getInt(2), rs.getInt(3),
                        rs.getBoolean(4), rs.getBoolean(5)),
                key.environment().name(), key.projectId(), key.username(), Timestamp.from(from), Timestamp.from(to));
    }

    /** Everyone's reported record exports in [from, to), by token identity, oldest first: one query per evaluation. */
    public Map<UsageKey, List<ReportedExport>> recordExportsOfEveryone(Instant from, Instant to) {
        Map<UsageKey, List<ReportedExport>> exports = new HashMap<>();
        jdbc.query("select environment, project_id, username, called_at, record_count, field_count, has_filter_logic,"
                        + " has_date_range from api_usage_call where content = 'record' and action = 'export'"
                        + " and called_at >= ? and called_at < ? order by called_at, sender_id",
                (RowCallbackHandler) rs -> exports.computeIfAbsent(new UsageKey(
                                RedcapEnvironment.valueOf(rs.getString(1)), rs.getLong(2), rs.getString(3)),
                        any -> new ArrayList<>()).add(ReportedExport.of(rs.getTimestamp(4).toInstant(), rs.getInt(5),
                        rs.getInt(6), rs.getBoolean(7), rs.getBoolean(8))),
                Timestamp.from(from), Timestamp.from(to));
        return exports;
    }

    /** Drops the calls made before {@code before}; returns how many went. */
    public int prune(Instant before) {
        return jdbc.update("delete from api_usage_call where called_at < ?", Timestamp.from(before));
    }
}
