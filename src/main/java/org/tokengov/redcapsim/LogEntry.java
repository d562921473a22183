package org.tokengov.redcapsim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A row of REDCap's log export, rendered from a stored row the way REDCap's Logging page renders it: Manage/Design rows
 * show their description under {@code details}, record rows name the record, other rows show their
 * {@code data_values}. The wording of the action labels is not confirmed by the facts sheet (REDCAP-FACTS.md 4); the
 * description stays in them unchanged, so the {@code (API)} of API calls shows.
 *
 * @param reason the change reason, only for projects that require one ({@code null} otherwise)
 */
record LogEntry(String timestamp, String username, String action, String details, String record, String reason) {

    static final List<String> COLUMNS = List.of("timestamp", "username", "action", "details", "record");
    static final List<String> COLUMNS_WITH_REASON = List.of("timestamp", "username", "action", "details", "record",
            "reason");

    static LogEntry of(StoredLogEvent stored, boolean withReason) {
        String timestamp = RedcapTimestamps.toMinute(stored.ts());
        String description = nullToEmpty(stored.description());
        String pk = nullToEmpty(stored.pk());
        String values = nullToEmpty(stored.dataValues());
        String reason = withReason ? nullToEmpty(stored.changeReason()) : null;
        String user = nullToEmpty(stored.username());
        if ("MANAGE".equals(stored.event())) {
            return new LogEntry(timestamp, user, "Manage/Design", description, "", reason);
        }
        if ("redcap_data".equals(stored.objectType()) && !pk.isEmpty()) {
            return new LogEntry(timestamp, user, (description + " " + pk).trim(), values, pk, reason);
        }
        if ("redcap_user_rights".equals(stored.objectType()) && values.isEmpty() && !pk.isEmpty()) {
            return new LogEntry(timestamp, user, description, "user = '" + pk + "'", "", reason);
        }
        return new LogEntry(timestamp, user, description, values, "", reason);
    }

    Map<String, Object> asRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("timestamp", timestamp);
        row.put("username", username);
        row.put("action", action);
        row.put("details", details);
        row.put("record", record);
        if (reason != null) {
            row.put("reason", reason);
        }
        return row;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
