package org.tokengov.redcapsim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A row of REDCap's log export, rendered from a stored event the way REDCap's Logging page renders it:
 * Manage/Design events show their description under {@code details}, record events name the record.
 */
record LogEntry(String timestamp, String username, String action, String details, String record) {

    static final List<String> COLUMNS = List.of("timestamp", "username", "action", "details", "record");

    static LogEntry of(StoredLogEvent stored) {
        String timestamp = RedcapTimestamps.toMinute(stored.ts());
        String description = nullToEmpty(stored.description());
        String pk = nullToEmpty(stored.pk());
        if ("MANAGE".equals(stored.event())) {
            return new LogEntry(timestamp, stored.username(), "Manage/Design", description, "");
        }
        if ("redcap_data".equals(stored.objectType())) {
            return new LogEntry(timestamp, stored.username(), (description + " " + pk).trim(), "", pk);
        }
        if ("redcap_user_rights".equals(stored.objectType()) && !pk.isEmpty()) {
            return new LogEntry(timestamp, stored.username(), description, "user = '" + pk + "'", "");
        }
        return new LogEntry(timestamp, stored.username(), description, "", "");
    }

    Map<String, Object> asRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("timestamp", timestamp);
        row.put("username", username);
        row.put("action", action);
        row.put("details", details);
        row.put("record", record);
        return row;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
