package org.tokengov.redcaplog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tokengov.redcap.RedcapLogRow;

/** REDCap's token descriptions (REDCAP-FACTS.md 3) as a log table holds them and as the API's export shows them. */
class TokenEventRowsTest {

    static final LocalDateTime AT = LocalDateTime.parse("2026-07-15T09:30:00");

    static RedcapLogRow table(String user, String page, String event, String pk, String description, String dataValues) {
        return new RedcapLogRow(7, "redcap_log_event4", 201, AT, user, page, event, "redcap_user_rights", pk, description,
                dataValues, Set.of());
    }

    static RedcapLogRow exported(String username, String action, String details) {
        return new RedcapLogRow(0, null, 201, AT, username, null, null, null, "", action, details, Set.of());
    }

    static TokenEventRows.Recognized recognized(RedcapLogRow row) {
        return TokenEventRows.recognize(row).orElseThrow();
    }

    @Test
    void inALogTableTheTokensUserIsThePkWhoeverActed() {
        assertThat(recognized(table("ada", "ControlCenter/user_api_ajax.php", "MANAGE", "alice",
                "Create API token for user", "user = 'alice'")))
                .isEqualTo(new TokenEventRows.Recognized(TokenEventKind.CREATED, "alice"));
        assertThat(recognized(table("ada", "ControlCenter/user_api_ajax.php", "MANAGE", "alice",
                "Regenerate API token for user; Replaced token = [token]", "user = 'alice'")))
                .isEqualTo(new TokenEventRows.Recognized(TokenEventKind.REGENERATED, "alice"));
        assertThat(recognized(table("ada", "ControlCenter/user_api_ajax.php", "MANAGE", "alice",
                "Delete API token for user; Deleted token = [token]", "user = 'alice'")).kind())
                .isEqualTo(TokenEventKind.DELETED);
        assertThat(recognized(table("bob", "API/project_api_ajax.php", "MANAGE", "bob", "Create API token for self",
                "user = 'bob'"))).isEqualTo(new TokenEventRows.Recognized(TokenEventKind.CREATED, "bob"));
        assertThat(recognized(table("bob", "API/project_api_ajax.php", "MANAGE", "bob", "Request API token",
                "user = 'bob'")).kind()).isEqualTo(TokenEventKind.REQUESTED);
        assertThat(recognized(table("bob", "API/project_api_ajax.php", "MANAGE", "bob",
                "User regenerate own API token; Replaced token = [token]", "user = 'bob'")).kind())
                .isEqualTo(TokenEventKind.REGENERATED);
        assertThat(recognized(table("bob", "API/project_api_ajax.php", "MANAGE", "bob",
                "User delete own API token; Deleted token = [token]", "user = 'bob'")).kind())
                .isEqualTo(TokenEventKind.DELETED);
        assertThat(recognized(table("ada", "ControlCenter/user_api_ajax.php", "MANAGE", "rita",
                "Create Super API Token for user", "user = 'rita'")))
                .isEqualTo(new TokenEventRows.Recognized(TokenEventKind.SUPER_CREATED, "rita"));
        assertThat(recognized(table("ada", "ControlCenter/user_api_ajax.php", "MANAGE", "rita",
                "Delete Super API Token for user", "user = 'rita'")).kind()).isEqualTo(TokenEventKind.SUPER_DELETED);
        assertThat(recognized(table("ada", "ControlCenter/user_api_ajax.php", "MANAGE", "rita",
                "Reassign Super API Token for user", "user = 'rita'")).kind()).isEqualTo(TokenEventKind.SUPER_REGENERATED);
    }

    @Test
    void theApisExportNamesTheHolderOnlyForTheProjectApiPage() {
        assertThat(recognized(exported("ada", "Manage/Design", "Create API token for user")))
                .as("an administrator acted; whose token the export does not say")
                .isEqualTo(new TokenEventRows.Recognized(TokenEventKind.CREATED, null));
        assertThat(recognized(exported("bob", "Manage/Design", "User regenerate own API token; Replaced token = [token]")))
                .isEqualTo(new TokenEventRows.Recognized(TokenEventKind.REGENERATED, "bob"));
        assertThat(recognized(exported("bob", "Create API token for self", "user = 'bob'")))
                .isEqualTo(new TokenEventRows.Recognized(TokenEventKind.CREATED, "bob"));
    }

    @Test
    void apiCallsAreRowsOfTheApiPageMarkedApi() {
        assertThat(TokenEventRows.isApiCall(table("alice", "api/index.php", "DATA_EXPORT", null, "Export data (API)",
                "{\"export_format\":\"json\"}"))).isTrue();
        assertThat(TokenEventRows.isApiCall(table("alice", "api/index.php", "ERROR", null,
                "Failed API request (user rights invalid)", "token=[token]"))).as("a refused call is no use").isFalse();
        assertThat(TokenEventRows.isApiCall(table("alice", "DataExport/index.php", "DATA_EXPORT", null,
                "Export data (API)", null))).as("not the API's page").isFalse();
        assertThat(TokenEventRows.isApiCall(exported("alice", "Export data (API)", ""))).isTrue();
        assertThat(TokenEventRows.isApiCall(exported("alice", "Manage/Design", "Export users (API)"))).isTrue();
        assertThat(TokenEventRows.isApiCall(exported("alice", "Manage/Design", "Export users (API Playground)"))).isFalse();
    }

    @Test
    void otherRowsAreNoTokenEvents() {
        assertThat(TokenEventRows.recognize(table("alice", "api/index.php", "MANAGE", "201", "Export users (API)",
                "project_id = 201"))).isEmpty();
        assertThat(TokenEventRows.recognize(exported("alice", "Update record (API) 7",
                "note = 'Create API token for user'"))).isEmpty();
        assertThat(TokenEventRows.recognize(table("alice", "api/index.php", "ERROR", null,
                "Failed API request (invalid token)", "token=[token]"))).isEmpty();
    }
}
