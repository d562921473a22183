package org.tokengov.redcaplog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tokengov.redcap.RedcapLogRow;

/** API calls are told apart by the right they used, from REDCap's log descriptions (REDCAP-FACTS.md 2). */
class ApiCallRightTest {

    static RedcapLogRow tableRow(String page, String event, String description) {
        return new RedcapLogRow(1, "redcap_log_event", 101, LocalDateTime.of(2026, 12, 1, 9, 0), "alice", page, event,
                "redcap_data", null, description, null, null);
    }

    static RedcapLogRow apiLogRow(String action, String details) {
        return new RedcapLogRow(0, null, 101, LocalDateTime.of(2026, 12, 1, 9, 0), "alice", null, null, null, null,
                action, details, null);
    }

    @Test
    void exportsNeedApiExport() {
        for (String description : new String[] {"Export data (API)", "Export users (API)", "Export Logging (API)",
                "Download data dictionary (API)", "Export user role assignments (API)", "Export data (API Playground)"}) {
            RedcapLogRow row = tableRow("api/index.php", "DATA_EXPORT", description);
            assertThat(ApiCallRight.of(row)).as(description)
                    .isEqualTo(description.contains("Playground") ? Optional.empty() : Optional.of(ApiCallRight.EXPORT));
        }
    }

    @Test
    void recordWritesAndUserOrRoleChangesNeedApiImport() {
        for (String description : new String[] {"Create record (API)", "Update record (API)", "Import users (API)",
                "Delete users (API)", "Import user roles (API)", "Delete user roles (API)"}) {
            assertThat(ApiCallRight.of(tableRow("api/index.php", "UPDATE", description))).as(description)
                    .contains(ApiCallRight.IMPORT);
        }
    }

    @Test
    void rowsThatAreNoApiCallOrSayNeitherAreLeftOut() {
        assertThat(ApiCallRight.of(tableRow("ControlCenter/user_api_tokens.php", "MANAGE", "Create API token for user")))
                .isEmpty();
        assertThat(ApiCallRight.of(tableRow("DataExport/index.php", "DATA_EXPORT", "Export data"))).as("not the API")
                .isEmpty();
        assertThat(ApiCallRight.of(tableRow("api/index.php", "ERROR", "Failed API request (invalid token)"))).isEmpty();
    }

    @Test
    void theApiLogExportIsReadByItsActionOrDetails() {
        assertThat(ApiCallRight.of(apiLogRow("Data export (API)", null))).contains(ApiCallRight.EXPORT);
        assertThat(ApiCallRight.of(apiLogRow("Logged in (API)", null))).as("says neither").isEmpty();
        assertThat(ApiCallRight.of(apiLogRow("Manage/Design", "Export users (API)"))).contains(ApiCallRight.EXPORT);
        assertThat(ApiCallRight.of(apiLogRow("Update record (API) 12", null))).contains(ApiCallRight.IMPORT);
    }
}
