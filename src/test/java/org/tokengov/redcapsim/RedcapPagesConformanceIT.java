package org.tokengov.redcapsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What people do in REDCap's UI, as the simulator's form posts, fact by fact (shared/redcap/REDCAP-FACTS.md, section 3
 * unless a test names another): the Control Center's token actions, the request button of a project's API page, super
 * tokens, and the User Rights page. Each writes the rows and log entries REDCap writes, and changes nothing when it
 * refuses.
 */
class RedcapPagesConformanceIT extends SimulatorOnMariaDb {

    private static final String PROD_LOG = "redcap_log_event5";
    private static final String DEFAULT_LOG = "redcap_log_event";
    private static final String CONTROL_CENTER = "ControlCenter/user_api_ajax.php";
    private static final String API_PAGE = "API/project_api_ajax.php";

    // --- Control Center

    @Test
    void fact3_controlCenterCreateLogsOnTheProjectAndOnceMoreUnderProject0() {
        String user = newProjectUser(prod(), 101, "cc", Map.of("api_export", 1));
        at(LocalDateTime.of(2035, 1, 2, 8, 0, 0));

        JsonNode done = json(page("prod", "control-center/tokens", "username", user, "projectId", "101", "action", "create",
                "by", "ada"), 200);

        assertThat(done.toString()).doesNotContain(tokenOf(prod(), 101, user));
        assertThat(tokenOf(prod(), 101, user)).matches("[0-9A-F]{32}");
        assertThat(api("prod", tokenOf(prod(), 101, user), "content", "version").statusCode()).isEqualTo(200);
        assertThat(newestRow(prod(), PROD_LOG, "pk = ? AND user = 'ada'", user)).containsEntry("project_id", 101)
                .containsEntry("event", "MANAGE").containsEntry("object_type", "redcap_user_rights")
                .containsEntry("page", CONTROL_CENTER).containsEntry("data_values", "user = '" + user + "'")
                .containsEntry("description", "Create API token for user").containsEntry("ts", 20350102080000L);
        assertThat(newestRow(prod(), DEFAULT_LOG, "pk = ? AND user = 'ada'", user)).containsEntry("project_id", 0)
                .containsEntry("description", "Create API token for user");
    }

    @Test
    void fact3_regenerateAndDeleteWriteTheOldValueInPlainText() {
        String user = newProjectUser(qa(), 201, "old", Map.of("api_export", 1));
        page("qa", "control-center/tokens", "username", user, "projectId", "201", "action", "create");
        String first = tokenOf(qa(), 201, user);

        json(page("qa", "control-center/tokens", "username", user, "projectId", "201", "action", "regenerate"), 200);
        String second = tokenOf(qa(), 201, user);

        assertThat(second).matches("[0-9A-F]{32}").isNotEqualTo(first);
        assertThat(newestRow(qa(), DEFAULT_LOG, "pk = ?", user)).containsEntry("user", "ada")
                .containsEntry("description", "Regenerate API token for user; Replaced token = " + first);
        assertError(api("qa", first, "content", "version", "format", "json"), 403, NO_PERMISSION);

        json(page("qa", "control-center/tokens", "username", user, "projectId", "201", "action", "delete"), 200);

        assertThat(tokenOf(qa(), 201, user)).isNull();
        assertThat(newestRow(qa(), DEFAULT_LOG, "pk = ?", user))
                .containsEntry("description", "Delete API token for user; Deleted token = " + second);
        assertThat(qa().queryForObject("SELECT api_export FROM redcap_user_rights WHERE username = ?", Integer.class, user))
                .as("the rights stay").isEqualTo(1);
    }

    @Test
    void fact3_theControlCenterIsForSuperUsersAndRefusalsChangeNothing() {
        String user = newProjectUser(qa(), 201, "refused", Map.of("api_export", 1));
        long rows = count(qa(), "SELECT COUNT(*) FROM redcap_log_event");

        assertError(page("qa", "control-center/tokens", "username", user, "projectId", "201", "action", "create",
                "by", "pat"), 403, "Only an active super user may use the Control Center, not 'pat'");
        assertError(page("qa", "control-center/tokens", "username", user, "projectId", "201", "action", "regenerate"), 409,
                "User '" + user + "' has no API token on project 201");
        assertError(page("qa", "control-center/tokens", "username", "sam", "projectId", "201", "action", "create"), 400,
                "User 'sam' is not a user of project 201");
        assertError(page("qa", "control-center/tokens", "username", user, "projectId", "x", "action", "create"), 400,
                "projectId must be a project id (a positive number)");
        assertError(page("qa", "control-center/tokens", "username", user, "projectId", "201", "action", "steal"), 400,
                "action must be one of create, regenerate, delete");
        assertError(page("qa", "control-center/tokens", "projectId", "201", "action", "create"), 400, "username is required");
        assertThat(page("staging", "control-center/tokens", "username", user, "projectId", "201", "action", "create")
                .statusCode()).isEqualTo(404);

        assertThat(tokenOf(qa(), 201, user)).isNull();
        assertThat(count(qa(), "SELECT COUNT(*) FROM redcap_log_event")).isEqualTo(rows);
    }

    @Test
    void fact3_superTokensAre64HexAndTheirRowsCarryNoValue() {
        String user = newProjectUser(qa(), 201, "super", Map.of());

        json(page("qa", "control-center/super-tokens", "username", user, "action", "create"), 200);
        String superToken = json(get("/redcap-sim/qa/super-token?username=" + user), 200).get("token").asText();

        assertThat(superToken).matches("[0-9A-F]{64}");
        assertThat(api("qa", superToken, "content", "version").body()).isEqualTo("15.7.6");
        assertThat(newestRow(qa(), DEFAULT_LOG, "pk = ? AND object_type = 'redcap_user_information'", user))
                .containsEntry("project_id", 0).containsEntry("description", "Create Super API Token for user");
        assertError(page("qa", "control-center/super-tokens", "username", user, "action", "create"), 409,
                "User '" + user + "' already has a super API token");

        json(page("qa", "control-center/super-tokens", "username", user, "action", "delete"), 200);

        assertThat(newestRow(qa(), DEFAULT_LOG, "pk = ? AND object_type = 'redcap_user_information'", user))
                .containsEntry("description", "Delete Super API Token for user");
        assertThat(count(qa(), "SELECT COUNT(*) FROM redcap_log_event WHERE description LIKE ? OR data_values LIKE ?",
                "%" + superToken + "%", "%" + superToken + "%")).isZero();
        assertError(api("qa", superToken, "content", "version", "format", "json"), 403, NO_PERMISSION);
    }

    // --- The project's API page

    @Test
    void fact3_underAdminApproveTheRequestButtonLeavesAPendingToDoWithTheControlCenterLink() {
        String user = newProjectUser(prod(), 101, "asker", Map.of("api_export", 1));
        int uiId = prod().queryForObject("SELECT ui_id FROM redcap_user_information WHERE username = ?", Integer.class, user);
        at(LocalDateTime.of(2035, 3, 4, 9, 30, 0));

        JsonNode requested = json(page("prod", "project-api", "username", user, "projectId", "101", "action", "request"), 200);

        assertThat(requested.get("outcome").asText()).isEqualTo("requested");
        int requestId = requested.get("requestId").asInt();
        Map<String, Object> todo = prod().queryForMap("SELECT * FROM redcap_todo_list WHERE request_id = ?", requestId);
        assertThat(todo).containsEntry("todo_type", "token access").containsEntry("status", "pending")
                .containsEntry("request_from", uiId).containsEntry("request_to", "ada@example.org")
                .containsEntry("project_id", 101);
        assertThat((String) todo.get("action_url")).endsWith("/redcap-sim/prod/redcap_v15.7.6/ControlCenter/"
                + "user_api_tokens.php?action=createToken&api_username=" + user + "&api_pid=101&request_id=" + requestId);
        assertThat(todo.get("request_time").toString()).startsWith("2035-03-04");
        assertThat(tokenOf(prod(), 101, user)).isNull();
        assertThat(newestRow(prod(), PROD_LOG, "user = ?", user)).containsEntry("page", API_PAGE)
                .containsEntry("event", "MANAGE").containsEntry("pk", user)
                .containsEntry("data_values", "user = '" + user + "'").containsEntry("description", "Request API token");
    }

    @Test
    void fact3_theRequestButtonHasNoDuplicateCheckAndTheControlCenterCompletesTheToDo() {
        String user = newProjectUser(qa(), 201, "twice", Map.of("api_import", 1));

        int first = json(page("qa", "project-api", "username", user, "projectId", "201", "action", "request"), 200)
                .get("requestId").asInt();
        int second = json(page("qa", "project-api", "username", user, "projectId", "201", "action", "request"), 200)
                .get("requestId").asInt();
        json(page("qa", "control-center/tokens", "username", user, "projectId", "201", "action", "create", "by", "ada"), 200);

        assertThat(second).isNotEqualTo(first);
        int ada = qa().queryForObject("SELECT ui_id FROM redcap_user_information WHERE username = 'ada'", Integer.class);
        assertThat(qa().queryForList("SELECT status, request_completion_userid FROM redcap_todo_list"
                        + " WHERE request_id IN (?, ?)", first, second))
                .allSatisfy(row -> assertThat(row).containsEntry("status", "completed")
                        .containsEntry("request_completion_userid", ada));
    }

    @Test
    void fact3_autoApproveAllCreatesTheTokenAtOnceForSelf() {
        String user = newProjectUser(qa(), 201, "auto", Map.of("api_export", 1));
        withRequestType("auto_approve_all", () -> {
            JsonNode created = json(page("qa", "project-api", "username", user, "projectId", "201", "action", "request"), 200);

            assertThat(created.get("outcome").asText()).isEqualTo("created");
        });
        assertThat(tokenOf(qa(), 201, user)).matches("[0-9A-F]{32}");
        assertThat(newestRow(qa(), DEFAULT_LOG, "user = ?", user)).containsEntry("description", "Create API token for self")
                .containsEntry("page", API_PAGE);
        assertThat(count(qa(), "SELECT COUNT(*) FROM redcap_todo_list WHERE request_from = (SELECT ui_id FROM"
                + " redcap_user_information WHERE username = ?)", user)).isZero();
    }

    @Test
    void fact3_autoApproveSelectedCreatesAtOnceOnlyForUsersWithAutoRequest() {
        String selected = newProjectUser(qa(), 201, "selected", Map.of("api_export", 1));
        String other = newProjectUser(qa(), 201, "notselected", Map.of("api_export", 1));
        qa().update("UPDATE redcap_user_information SET api_token_auto_request = 1 WHERE username = ?", selected);

        withRequestType("auto_approve_selected", () -> {
            assertThat(json(page("qa", "project-api", "username", selected, "projectId", "201", "action", "request"), 200)
                    .get("outcome").asText()).isEqualTo("created");
            assertThat(json(page("qa", "project-api", "username", other, "projectId", "201", "action", "request"), 200)
                    .get("outcome").asText()).isEqualTo("requested");
        });
    }

    @Test
    void fact3_aSuperUsersRequestIsGrantedAtOnce() {
        String admin = newProjectUser(prod(), 101, "superasker", Map.of("api_export", 1));
        prod().update("UPDATE redcap_user_information SET super_user = 1 WHERE username = ?", admin);

        assertThat(json(page("prod", "project-api", "username", admin, "projectId", "101", "action", "request"), 200)
                .get("outcome").asText()).isEqualTo("created");
    }

    @Test
    void fact3_theRequestIsRefusedWithATokenAlreadyOrWithoutApiRights() {
        String holder = newProjectUser(qa(), 201, "holder", Map.of("api_export", 1));
        giveToken(qa(), 201, holder, 1, 0);
        String noRights = newProjectUser(qa(), 201, "norights", Map.of());
        String mobile = newProjectUser(qa(), 201, "mobileonly", Map.of("mobile_app", 1));
        long todos = count(qa(), "SELECT COUNT(*) FROM redcap_todo_list");

        assertError(page("qa", "project-api", "username", holder, "projectId", "201", "action", "request"), 409,
                "Your API token request failed! - token already exists.");
        assertError(page("qa", "project-api", "username", noRights, "projectId", "201", "action", "request"), 403,
                "Your API token request failed! - Unable to create token");
        assertError(page("qa", "project-api", "username", mobile, "projectId", "201", "action", "request"), 403,
                "Your API token request failed! - Unable to create token");
        assertThat(page("qa", "project-api", "username", mobile, "projectId", "201", "action", "request",
                "mobileAppOnly", "1").statusCode()).as("the mobile app page needs the Mobile App right").isEqualTo(200);
        assertThat(count(qa(), "SELECT COUNT(*) FROM redcap_todo_list")).isEqualTo(todos + 1);
    }

    @Test
    void fact3_aUserRegeneratesAndDeletesTheirOwnTokenWithTheOldValueInTheLog() {
        String user = newProjectUser(prod(), 101, "self", Map.of("api_export", 1));
        String first = giveToken(prod(), 101, user, 1, 0);

        json(page("prod", "project-api", "username", user, "projectId", "101", "action", "regenerate"), 200);
        String second = tokenOf(prod(), 101, user);

        assertThat(newestRow(prod(), PROD_LOG, "user = ?", user))
                .containsEntry("description", "User regenerate own API token; Replaced token = " + first);

        json(page("prod", "project-api", "username", user, "projectId", "101", "action", "delete"), 200);

        assertThat(tokenOf(prod(), 101, user)).isNull();
        assertThat(newestRow(prod(), PROD_LOG, "user = ?", user))
                .containsEntry("description", "User delete own API token; Deleted token = " + second);
        assertError(page("prod", "project-api", "username", user, "projectId", "101", "action", "delete"), 409,
                "User '" + user + "' has no API token on project 101");
    }

    @Test
    void suspendedAndExpiredUsersCannotUseTheApiPage() {
        String suspended = newProjectUser(qa(), 201, "susp", Map.of("api_export", 1));
        qa().update("UPDATE redcap_user_information SET user_suspended_time = NOW() WHERE username = ?", suspended);

        assertThat(page("qa", "project-api", "username", suspended, "projectId", "201", "action", "request").statusCode())
                .isEqualTo(403);
        assertThat(page("qa", "project-api", "username", "carol", "projectId", "201", "action", "request").statusCode())
                .isEqualTo(403);
    }

    // --- The User Rights page

    @Test
    void aPiAddsAUserAndEditsTheirRightsAsTheUserRightsPageLogsIt() {
        String newcomer = newPerson(prod(), "newcomer");

        json(page("prod", "user-rights", "username", newcomer, "projectId", "101", "api_export", "1", "expiration",
                "2036-01-31", "by", "pat"), 200);
        json(page("prod", "user-rights", "username", newcomer, "projectId", "101", "api_import", "1", "data_logging", "1",
                "by", "pat"), 200);

        JsonNode listed = user(json(api("prod", PROD_STEWARD, "content", "user", "format", "json"), 200), newcomer);
        assertThat(listed.get("api_export").asInt()).isEqualTo(1);
        assertThat(listed.get("api_import").asInt()).isEqualTo(1);
        assertThat(listed.get("logging").asInt()).isEqualTo(1);
        assertThat(listed.get("user_rights").asInt()).as("a new user gets no other right").isZero();
        assertThat(listed.get("expiration").asText()).isEqualTo("2036-01-31");
        List<Map<String, Object>> rows = prod().queryForList("SELECT user, event, object_type, page, description"
                + " FROM redcap_log_event5 WHERE pk = ? ORDER BY log_event_id", newcomer);
        assertThat(rows).extracting(row -> row.get("event") + " " + row.get("description"))
                .containsExactly("INSERT Add user", "UPDATE Edit user");
        assertThat(rows).allSatisfy(row -> assertThat(row).containsEntry("user", "pat")
                .containsEntry("object_type", "redcap_user_rights").containsEntry("page", "UserRights/edit_user.php"));
        JsonNode log = json(api("prod", PROD_STEWARD, "content", "log", "format", "json", "logtype", "user", "user", "pat"),
                200);
        assertThat(log.findValuesAsText("details")).contains("user = '" + newcomer + "'");
    }

    @Test
    void fact1_aPiPutsAUserInANewRoleWhoseRightsThenWinInTheApi() {
        String member = newProjectUser(qa(), 201, "rolemember", Map.of("api_export", 1));
        String token = giveToken(qa(), 201, member, 1, 0);
        String roleName = "Importers " + randomToken().substring(0, 6);

        JsonNode done = json(page("qa", "user-rights", "username", member, "projectId", "201", "roleName", roleName,
                "api_export", "0", "api_import", "1"), 200);

        String unique = done.get("uniqueRoleName").asText();
        assertThat(unique).matches("U-\\d{3}[A-Z0-9]{7}");
        assertError(api("qa", token, "content", "version", "format", "json"), 403, "You do not have API Export privileges");
        assertThat(qa().queryForObject("SELECT api_export FROM redcap_user_rights WHERE username = ?", Integer.class, member))
                .as("the user's own row is untouched").isEqualTo(1);
        assertThat(newestRow(qa(), DEFAULT_LOG, "pk = ?", member)).containsEntry("description", "Assign user to role");
        assertThat(newestRow(qa(), DEFAULT_LOG, "object_type = 'redcap_user_roles' AND data_values = ?",
                "role = '" + roleName + "'")).containsEntry("description", "Add role").containsEntry("event", "INSERT");

        json(page("qa", "user-rights", "username", member, "projectId", "201", "roleName", ""), 200);

        assertThat(api("qa", token, "content", "version").statusCode()).isEqualTo(200);
        assertThat(newestRow(qa(), DEFAULT_LOG, "pk = ?", member)).containsEntry("description", "Remove user from role");
    }

    @Test
    void theUserRightsPageRefusesBadInputAndOutsidersAndChangesNothing() {
        String user = newProjectUser(qa(), 201, "untouched", Map.of());
        long rows = count(qa(), "SELECT COUNT(*) FROM redcap_log_event");

        assertError(page("qa", "user-rights", "username", user, "projectId", "201", "api_export", "7"), 400,
                "api_export must be a number from 0 to 1");
        assertError(page("qa", "user-rights", "username", user, "projectId", "201", "expiration", "31/01/2036"), 400,
                "expiration must be a date YYYY-MM-DD, or empty for none");
        assertError(page("qa", "user-rights", "username", user, "projectId", "201", "api_export", "1", "by", "alice"), 403,
                "'alice' may not edit the User Rights of project 201");
        assertError(page("qa", "user-rights", "username", "mallory", "projectId", "201", "api_export", "1"), 400,
                "REDCap has no user 'mallory'");
        assertError(page("qa", "user-rights", "username", user, "projectId", "999", "api_export", "1"), 400,
                "REDCap has no project 999");

        assertThat(qa().queryForObject("SELECT api_export FROM redcap_user_rights WHERE username = ?", Integer.class, user))
                .isZero();
        assertThat(count(qa(), "SELECT COUNT(*) FROM redcap_log_event")).isEqualTo(rows);
    }

    private void withRequestType(String type, Runnable work) {
        JdbcTemplate qa = qa();
        qa.update("UPDATE redcap_config SET value = ? WHERE field_name = 'api_token_request_type'", type);
        try {
            work.run();
        } finally {
            qa.update("UPDATE redcap_config SET value = 'admin_approve' WHERE field_name = 'api_token_request_type'");
        }
    }

    private static String newPerson(JdbcTemplate redcap, String prefix) {
        String username = prefix + "_" + randomToken().substring(0, 8).toLowerCase();
        redcap.update("INSERT INTO redcap_user_information (username, user_email) VALUES (?, ?)", username,
                username + "@example.org");
        return username;
    }
}
