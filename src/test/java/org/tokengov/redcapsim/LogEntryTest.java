package org.tokengov.redcapsim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogEntryTest {

    @Test
    void manageEventsShowTheirDescriptionAsDetails() {
        LogEntry entry = LogEntry.of(new StoredLogEvent(20260304101502L, "tokengov_steward", "MANAGE",
                "redcap_user_rights", "101", "Export users (API)"));

        assertThat(entry).isEqualTo(new LogEntry("2026-03-04 10:15", "tokengov_steward", "Manage/Design",
                "Export users (API)", ""));
    }

    @Test
    void userRightsChangesNameTheUser() {
        LogEntry entry = LogEntry.of(new StoredLogEvent(20260304101502L, "tokengov_steward", "DELETE",
                "redcap_user_rights", "bob", "Delete user"));

        assertThat(entry).isEqualTo(new LogEntry("2026-03-04 10:15", "tokengov_steward", "Delete user",
                "user = 'bob'", ""));
    }

    @Test
    void recordEventsNameTheRecord() {
        LogEntry entry = LogEntry.of(new StoredLogEvent(20260304101502L, "alice", "UPDATE", "redcap_data", "17",
                "Update record (API)"));

        assertThat(entry).isEqualTo(new LogEntry("2026-03-04 10:15", "alice", "Update record (API) 17", "", "17"));
    }

    @Test
    void otherEventsShowTheirDescriptionAsAction() {
        LogEntry entry = LogEntry.of(new StoredLogEvent(20260304101502L, "alice", "DATA_EXPORT", "redcap_data",
                null, "Data export (API)"));

        assertThat(entry.action()).isEqualTo("Data export (API)");
        assertThat(entry.asRow()).containsOnlyKeys(LogEntry.COLUMNS);
    }
}
