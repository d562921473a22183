package org.tokengov.redcapsim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** REDCAP-FACTS.md 4, log export: the rows' fields, rendered from stored rows. */
class LogEntryTest {

    @Test
    void manageRowsShowTheirDescriptionAsDetails() {
        LogEntry entry = LogEntry.of(stored("tokengov_steward", "MANAGE", "redcap_user_rights", "101", "project_id = 101",
                "Export users (API)"), false);

        assertThat(entry).isEqualTo(new LogEntry("2026-03-04 10:15", "tokengov_steward", "Manage/Design",
                "Export users (API)", "", null));
    }

    @Test
    void userRightsChangesShowTheirValues() {
        LogEntry entry = LogEntry.of(stored("pat", "DELETE", "redcap_user_rights", "bob", "user = 'bob'", "Delete user"),
                false);

        assertThat(entry).isEqualTo(new LogEntry("2026-03-04 10:15", "pat", "Delete user", "user = 'bob'", "", null));
    }

    @Test
    void userRightsRowsWithoutValuesNameTheUser() {
        LogEntry entry = LogEntry.of(stored("tokengov_steward", "UPDATE", "redcap_user_rights", "bob", null, "Edit user"),
                false);

        assertThat(entry.details()).isEqualTo("user = 'bob'");
    }

    @Test
    void recordRowsNameTheRecordAndShowTheChangedValues() {
        LogEntry entry = LogEntry.of(stored("alice", "UPDATE", "redcap_data", "17", "age = '34'", "Update record (API)"),
                false);

        assertThat(entry).isEqualTo(new LogEntry("2026-03-04 10:15", "alice", "Update record (API) 17", "age = '34'", "17",
                null));
    }

    @Test
    void otherRowsShowTheirDescriptionAsActionAndTheirValuesAsDetails() {
        LogEntry entry = LogEntry.of(stored("alice", "DATA_EXPORT", "redcap_data", null,
                "{\"export_format\":\"JSON\",\"rawOrLabel\":\"raw\"}", "Export data (API)"), false);

        assertThat(entry.action()).isEqualTo("Export data (API)");
        assertThat(entry.details()).isEqualTo("{\"export_format\":\"JSON\",\"rawOrLabel\":\"raw\"}");
        assertThat(entry.asRow()).containsOnlyKeys(LogEntry.COLUMNS);
    }

    @Test
    void aProjectThatRequiresReasonsShowsThem() {
        StoredLogEvent stored = new StoredLogEvent(20260304101502L, "alice", "UPDATE", "redcap_data", "3", "age = '40'",
                "Update record", "typo fixed");

        assertThat(LogEntry.of(stored, true).asRow()).containsOnlyKeys(LogEntry.COLUMNS_WITH_REASON)
                .containsEntry("reason", "typo fixed");
        assertThat(LogEntry.of(stored, false).asRow()).doesNotContainKey("reason");
    }

    private static StoredLogEvent stored(String user, String event, String objectType, String pk, String dataValues,
            String description) {
        return new StoredLogEvent(20260304101502L, user, event, objectType, pk, dataValues, description, null);
    }
}
