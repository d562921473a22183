package org.tokengov.redcapsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The API's token and rights checks, its errors and its log rows, fact by fact: each test names the section of
 * shared/redcap/REDCAP-FACTS.md it holds the simulator to. Over real HTTP, on MariaDB with REDCap's table names.
 * Production project 101 logs into {@code redcap_log_event5}, QA project 201 into {@code redcap_log_event}.
 */
class RedcapApiConformanceIT extends SimulatorOnMariaDb {

    private static final String PROD_LOG = "redcap_log_event5";
    private static final String DEFAULT_LOG = "redcap_log_event";

    // --- 4. Token check

    @Test
    void fact4_onlyPostIsAcceptedAnythingElseIs501() {
        HttpResponse<String> get = get("/redcap-sim/qa/api/?token=" + QA_STEWARD + "&content=version");
        HttpResponse<String> put = send(HttpRequest.newBuilder(uri("/redcap-sim/qa/api/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .PUT(HttpRequest.BodyPublishers.ofString(form(Map.of("token", QA_STEWARD, "content", "version",
                        "returnFormat", "json")))));

        assertThat(get.statusCode()).isEqualTo(501);
        assertThat(get.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>"
                + "<hash><error>The requested method is not implemented.</error></hash>");
        assertError(put, 501, "The requested method is not implemented.");
    }

    @Test
    void fact4_anUnknownTokenIs403AndLoggedAsInvalidWithTheRawPostTokenIncluded() {
        String unknown = randomToken();

        HttpResponse<String> refused = api("qa", unknown, "content", "record", "format", "json");

        assertError(refused, 403, NO_PERMISSION);
        Map<String, Object> row = newestRow(qa(), DEFAULT_LOG, "data_values LIKE ?", "%" + unknown + "%");
        assertThat(row).containsEntry("project_id", 0).containsEntry("event", "ERROR")
                .containsEntry("page", "api/index.php").containsEntry("description", "Failed API request (invalid token)")
                .containsEntry("data_values", "token=" + unknown + "&content=record&format=json")
                .containsEntry("ip", "127.0.0.1");
    }

    @Test
    void fact4_malformedAndMissingTokensAre403AndLoggedToo() {
        long before = count(qa(), "SELECT COUNT(*) FROM redcap_log_event WHERE description = 'Failed API request (invalid token)'");

        assertError(api("qa", "not a token;", "content", "version", "format", "json"), 403, NO_PERMISSION);
        assertError(api("qa", null, "content", "version", "format", "json"), 403, NO_PERMISSION);

        assertThat(count(qa(), "SELECT COUNT(*) FROM redcap_log_event WHERE description = 'Failed API request (invalid token)'"))
                .isEqualTo(before + 2);
    }

    @Test
    void fact4_theTokenOfASuspendedOwnerIs403AsIfUnknown() {
        String user = newProjectUser(qa(), 201, "suspended", Map.of("api_export", 1));
        String token = giveToken(qa(), 201, user, 1, 0);
        assertThat(api("qa", token, "content", "version").statusCode()).isEqualTo(200);

        qa().update("UPDATE redcap_user_information SET user_suspended_time = NOW() WHERE username = ?", user);

        assertError(api("qa", token, "content", "version", "format", "json"), 403, NO_PERMISSION);
        assertThat(newestRow(qa(), DEFAULT_LOG, "data_values LIKE ?", "%" + token + "%"))
                .containsEntry("description", "Failed API request (invalid token)").containsEntry("project_id", 0);
    }

    @Test
    void fact4_aTokenIsRefusedOnItsExpirationDayAndLoggedUnderProject0() {
        String user = newProjectUser(prod(), 101, "expiring", Map.of("api_export", 1, "expiration", "2031-05-06"));
        String token = giveToken(prod(), 101, user, 1, 0);
        at(LocalDateTime.of(2031, 5, 5, 23, 59, 0));
        assertThat(api("prod", token, "content", "version").statusCode()).as("the day before").isEqualTo(200);

        at(LocalDateTime.of(2031, 5, 6, 0, 1, 0));
        HttpResponse<String> refused = api("prod", token, "content", "version", "format", "json");

        assertError(refused, 403,
                "You do not have API rights because your privileges have expired for this project as of 2031-05-06.");
        assertThat(newestRow(prod(), DEFAULT_LOG, "user = ?", user)).containsEntry("project_id", 0)
                .containsEntry("event", "ERROR").containsEntry("description", "Failed API request (user rights expired)")
                .containsEntry("ts", 20310506000100L);
        assertThat(((String) newestRow(prod(), DEFAULT_LOG, "user = ?", user).get("data_values"))).contains(token);
    }

    @Test
    void fact4_superUsersAreExemptFromExpiration() {
        String admin = newProjectUser(prod(), 101, "admin", Map.of("expiration", "2020-01-01"));
        prod().update("UPDATE redcap_user_information SET super_user = 1 WHERE username = ?", admin);
        String token = giveToken(prod(), 101, admin, 0, 0);

        assertThat(api("prod", token, "content", "version").statusCode()).isEqualTo(200);
    }

    // --- 4. Method rights

    @Test
    void fact4_anExportWithoutApiExportIs403AndLoggedInTheProjectsTable() {
        String user = newProjectUser(prod(), 101, "noexport", Map.of("api_import", 1));
        String token = giveToken(prod(), 101, user, 0, 1);

        assertError(api("prod", token, "content", "record", "format", "json"), 403, "You do not have API Export privileges");

        Map<String, Object> row = newestRow(prod(), PROD_LOG, "user = ?", user);
        assertThat(row).containsEntry("project_id", 101).containsEntry("event", "ERROR")
                .containsEntry("description", "Failed API request (user rights invalid)")
                .containsEntry("data_values", "token=" + token + "&content=record&format=json");
        assertThat(count(prod(), "SELECT COUNT(*) FROM redcap_log_event WHERE user = ?", user))
                .as("not in the default table").isZero();
    }

    @Test
    void fact4_anImportWithoutApiImportIs403AndLogged() {
        String user = newProjectUser(qa(), 201, "noimport", Map.of("api_export", 1));
        String token = giveToken(qa(), 201, user, 1, 0);

        assertError(api("qa", token, "content", "record", "format", "json", "data", "[]"), 403,
                "You do not have API Import/Update privileges");
        assertError(api("qa", token, "content", "user", "action", "delete", "format", "json", "users[0]", "bob"), 403,
                "You do not have API Import/Update privileges");
        assertThat(count(qa(), "SELECT COUNT(*) FROM redcap_log_event WHERE user = ? AND description = ?", user,
                "Failed API request (user rights invalid)")).isEqualTo(2);
    }

    @Test
    void fact1_aRolesRightsWinOverTheUsersRowWhereverRightsAreChecked() {
        String exporter = newProjectUser(qa(), 201, "inrole", Map.of("api_export", 1, "user_rights", 1));
        String token = giveToken(qa(), 201, exporter, 1, 0);
        qa().update("INSERT INTO redcap_user_roles (project_id, role_name, unique_role_name, user_rights, api_export,"
                + " api_import) VALUES (201, 'No API', 'U-900NOAPIXX', 0, 0, 1)");
        int roleId = qa().queryForObject("SELECT role_id FROM redcap_user_roles WHERE unique_role_name = 'U-900NOAPIXX'",
                Integer.class);

        qa().update("UPDATE redcap_user_rights SET role_id = ? WHERE username = ?", roleId, exporter);

        assertError(api("qa", token, "content", "version", "format", "json"), 403, "You do not have API Export privileges");
        assertThat(api("qa", token, "content", "record", "format", "json", "data", "[]").statusCode())
                .as("the role's import right").isEqualTo(200);
        JsonNode listed = user(json(api("qa", QA_STEWARD, "content", "user", "format", "json"), 200), exporter);
        assertThat(listed.get("api_export").asInt()).isZero();
        assertThat(listed.get("api_import").asInt()).isEqualTo(1);
        assertThat(listed.get("user_rights").asInt()).isZero();
    }

    @Test
    void fact4_withMobileAppOneAMobileAppUserGetsFullPrivileges() {
        String user = newProjectUser(qa(), 201, "mobile", Map.of("mobile_app", 1));
        String token = giveToken(qa(), 201, user, 0, 0);

        assertError(api("qa", token, "content", "user", "format", "json"), 403, "You do not have API Export privileges");
        assertThat(api("qa", token, "content", "user", "format", "json", "mobile_app", "1").statusCode()).isEqualTo(200);
    }

    // --- 4. Error bodies

    @Test
    void fact4_errorBodiesTakeTheShapeOfTheReturnFormat() {
        HttpResponse<String> xml = api("qa", randomToken(), "content", "user");
        HttpResponse<String> csv = api("qa", randomToken(), "content", "user", "format", "json", "returnFormat", "csv");
        HttpResponse<String> json = api("qa", randomToken(), "content", "user", "returnFormat", "json");

        assertThat(xml.statusCode()).isEqualTo(403);
        assertThat(xml.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\" ?><hash><error>" + NO_PERMISSION
                + "</error></hash>");
        assertThat(csv.body()).isEqualTo("ERROR: " + NO_PERMISSION);
        assertThat(json.body()).isEqualTo("{\"error\":\"" + NO_PERMISSION + "\"}");
    }

    @Test
    void anInvalidContentIs400AfterTheTokenCheck() {
        assertError(api("qa", QA_STEWARD, "format", "json"), 400, "The value of the parameter \"content\" is not valid");
        assertError(api("qa", QA_STEWARD, "content", "tokens", "format", "json"), 400,
                "The value of the parameter \"content\" is not valid");
        assertError(api("qa", randomToken(), "content", "tokens", "format", "json"), 403, NO_PERMISSION);
    }

    // --- 4. Project status

    @Test
    void fact4_aDeletedProjectIs400AfterTheRightsChecks() {
        int project = newProject(qa(), DEFAULT_LOG);
        String exporter = newProjectUser(qa(), project, "deleted", Map.of("api_export", 1));
        String importer = newProjectUser(qa(), project, "deletedimp", Map.of("api_import", 1));
        String exportToken = giveToken(qa(), project, exporter, 1, 0);
        String importToken = giveToken(qa(), project, importer, 0, 1);
        qa().update("UPDATE redcap_projects SET date_deleted = NOW() WHERE project_id = ?", project);

        assertError(api("qa", exportToken, "content", "version", "format", "json"), 400,
                "The project associated with this API token no longer exists because it was deleted.");
        assertError(api("qa", importToken, "content", "version", "format", "json"), 403,
                "You do not have API Export privileges");
    }

    @Test
    void fact4_aCompletedProjectIs400() {
        int project = newProject(qa(), DEFAULT_LOG);
        String exporter = newProjectUser(qa(), project, "completed", Map.of("api_export", 1));
        String token = giveToken(qa(), project, exporter, 1, 0);
        qa().update("UPDATE redcap_projects SET completed_time = NOW(), completed_by = 'ada' WHERE project_id = ?", project);

        assertError(api("qa", token, "content", "record", "format", "json"), 400,
                "The project associated with this API token is no longer accessible because it was marked as Completed.");
    }

    @Test
    void fact4_inAnalysisCleanupRecordImportIs403ButExportWorks() {
        int project = newProject(qa(), "redcap_log_event3");
        String user = newProjectUser(qa(), project, "cleanup", Map.of("api_export", 1, "api_import", 1));
        String token = giveToken(qa(), project, user, 1, 1);
        qa().update("INSERT INTO redcap_metadata (project_id, field_name, form_name, field_order, element_type,"
                + " element_label) VALUES (?, 'record_id', 'form_1', 1, 'text', 'Record ID')", project);
        qa().update("UPDATE redcap_projects SET status = 2 WHERE project_id = ?", project);

        assertError(api("qa", token, "content", "record", "format", "json", "data", "[{\"record_id\":\"1\"}]"), 403,
                "Data may not be imported because the project is in Analysis/Cleanup status.");
        assertThat(json(api("qa", token, "content", "record", "format", "json"), 200)).isEmpty();
    }

    // --- 2. Column values of every row

    @Test
    void fact2_everyCallIsLoggedWithPageApiIndexAndTheIpOfXForwardedFor() {
        String user = newProjectUser(prod(), 101, "proxied", Map.of("api_export", 1));
        String token = giveToken(prod(), 101, user, 1, 0);

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/redcap-sim/prod/api/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", "198.51.100.23, 10.0.0.1")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("token", token, "content", "version")))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(newestRow(prod(), PROD_LOG, "user = ?", user)).containsEntry("page", "api/index.php")
                .containsEntry("ip", "198.51.100.23").containsEntry("project_id", 101);
    }

    @Test
    void fact2_everyRequestWritesAPageViewRowToTheRequestLogWithTheTokenRedacted() {
        String user = newProjectUser(qa(), 201, "viewed", Map.of("api_export", 1));
        String token = giveToken(qa(), 201, user, 1, 0);
        at(LocalDateTime.of(2033, 3, 4, 9, 15, 30));

        assertThat(api("qa", token, "content", "version", "format", "json").statusCode()).isEqualTo(200);
        assertThat(api("qa", token, "content", "arm", "format", "csv").statusCode())
                .as("not simulated: refused, and still in the request log").isEqualTo(400);
        String unknown = "0123456789ABCDEF0123456789ABCDEF";
        assertThat(api("qa", unknown, "content", "version").statusCode()).isEqualTo(403);

        java.util.List<Map<String, Object>> rows = qa().queryForList("SELECT * FROM redcap_log_view"
                + " WHERE ts = '2033-03-04 09:15:30' ORDER BY log_view_id");
        // Found by the server's wall-clock time (New York), as REDCap's NOW writes it.
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsEntry("user", user).containsEntry("project_id", 201)
                .containsEntry("event", "PAGE_VIEW").containsEntry("page", "api/index.php")
                .containsEntry("miscellaneous", "// API Request: content = 'version'; format = 'json'; token = '<redacted>'");
        assertThat(rows.get(1)).containsEntry("user", user).containsEntry("project_id", 201)
                .containsEntry("miscellaneous", "// API Request: content = 'arm'; format = 'csv'; token = '<redacted>'");
        assertThat(rows.get(2)).as("an invalid token names nobody").containsEntry("user", null)
                .containsEntry("project_id", null).containsEntry("event", "PAGE_VIEW")
                .containsEntry("miscellaneous", "// API Request: content = 'version'; format = ''; token = '<redacted>'");
        assertThat(rows.toString()).doesNotContain(token).doesNotContain(unknown);
    }

    // --- 6. Time zone

    @Test
    void fact6_tsIsTheServersWallClockTimeAndTheLogExportReturnsItUnconverted() {
        String user = newProjectUser(qa(), 201, "clock", Map.of("api_export", 1));
        String token = giveToken(qa(), 201, user, 1, 0);
        at(LocalDateTime.of(2032, 7, 1, 22, 30, 15));

        api("qa", token, "content", "version");

        assertThat(newestRow(qa(), DEFAULT_LOG, "user = ?", user)).as("New York time, not UTC (02:30 the next day)")
                .containsEntry("ts", 20320701223015L);
        JsonNode log = json(api("qa", QA_STEWARD, "content", "log", "format", "json", "user", user), 200);
        assertThat(log.get(0).get("timestamp").asText()).isEqualTo("2032-07-01 22:30");
    }

    // --- 2 and 4. User methods

    @Test
    void fact4_userExportShowsTheRightsAndFormsButNeverTheToken() {
        JsonNode users = json(api("prod", PROD_STEWARD, "content", "user", "format", "json"), 200);

        assertThat(users.findValuesAsText("username"))
                .contains("alice", "bob", "rita", "pat", "svc_etl", "carol", "tokengov_steward")
                .doesNotContain("ada", "sam");
        JsonNode pat = user(users, "pat");
        assertThat(pat.fieldNames()).toIterable().containsExactlyElementsOf(UserMethods.COLUMNS);
        assertThat(pat.get("email").asText()).isEqualTo("pat@example.org");
        assertThat(pat.get("user_rights").asInt()).isEqualTo(1);
        assertThat(pat.get("forms").isObject()).isTrue();
        assertThat(user(users, "carol").get("expiration").asText()).isEqualTo("2020-01-01");
        String body = api("prod", PROD_STEWARD, "content", "user", "format", "json").body();
        assertThat(prod().queryForList("SELECT api_token FROM redcap_user_rights WHERE api_token IS NOT NULL", String.class))
                .isNotEmpty().allSatisfy(token -> assertThat(body).doesNotContain(token));
        assertThat(body).doesNotContain("api_token");
    }

    @Test
    void fact2_userExportIsLoggedAsManageWithTheProjectAsPk() {
        String user = newProjectUser(prod(), 101, "exporter", Map.of("api_export", 1, "user_rights", 2));
        String token = giveToken(prod(), 101, user, 1, 0);

        assertThat(api("prod", token, "content", "user", "format", "csv").body().lines().findFirst())
                .contains(String.join(",", UserMethods.COLUMNS));

        assertThat(newestRow(prod(), PROD_LOG, "user = ?", user)).containsEntry("event", "MANAGE")
                .containsEntry("object_type", "redcap_user_rights").containsEntry("pk", "101")
                .containsEntry("data_values", "project_id = 101").containsEntry("description", "Export users (API)");
    }

    @Test
    void fact4_userRoleAndAssignmentExportsWithoutUserRightsAre400Api229() {
        String user = newProjectUser(qa(), 201, "nouserrights", Map.of("api_export", 1));
        String token = giveToken(qa(), 201, user, 1, 0);
        String api229 = "Insufficient user privileges: You must have 'API Export' privileges and 'User Rights' privileges"
                + " (Full Access or Read Only) in the project.";

        assertError(api("qa", token, "content", "user", "format", "json"), 400, api229);
        assertError(api("qa", token, "content", "userRole", "format", "json"), 400, api229);
        assertError(api("qa", token, "content", "userRoleMapping", "format", "json"), 400, api229);
    }

    @Test
    void fact4_aUserInADataAccessGroupSeesOnlyThatGroup() {
        String inGroup = newProjectUser(qa(), 201, "dag", Map.of("api_export", 1, "user_rights", 1, "group_id", 7));
        String colleague = newProjectUser(qa(), 201, "dagmate", Map.of("group_id", 7));
        String token = giveToken(qa(), 201, inGroup, 1, 0);

        assertThat(json(api("qa", token, "content", "user", "format", "json"), 200).findValuesAsText("username"))
                .containsExactlyInAnyOrder(inGroup, colleague);
    }

    @Test
    void fact4_userImportWithoutFullUserRightsIs400Api103() {
        String user = newProjectUser(qa(), 201, "readonly", Map.of("api_import", 1, "user_rights", 2));
        String token = giveToken(qa(), 201, user, 0, 1);

        assertError(api("qa", token, "content", "user", "format", "json", "data", "[]"), 400,
                "Insufficient user privileges: You must have 'API Import/Update' privileges and 'User Rights' privileges"
                        + " in the project in order to import/update users via the API Import Users method.");
    }

    @Test
    void fact4_importingApiExportZeroKeepsTheTokenButEveryExportThenFails() {
        String user = newProjectUser(qa(), 201, "lowered", Map.of("api_export", 1));
        String token = giveToken(qa(), 201, user, 1, 0);

        HttpResponse<String> imported = api("qa", QA_STEWARD, "content", "user", "format", "json",
                "data", "[{\"username\":\"" + user + "\",\"api_export\":0}]");

        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(imported.body()).isEqualTo("1");
        assertThat(tokenOf(qa(), 201, user)).isEqualTo(token);
        assertError(api("qa", token, "content", "version", "format", "json"), 403, "You do not have API Export privileges");
    }

    @Test
    void fact2_fact4_aRoleMemberInAUserImportRollsBackTheWholeBatchButTheLogRowStays() {
        String member = newProjectUser(qa(), 201, "member", Map.of());
        String other = newProjectUser(qa(), 201, "other", Map.of());
        qa().update("INSERT INTO redcap_user_roles (project_id, role_name, unique_role_name, user_rights)"
                + " VALUES (201, 'Entry', 'U-901ENTRYXX', 0)");
        qa().update("UPDATE redcap_user_rights SET role_id = (SELECT role_id FROM redcap_user_roles"
                + " WHERE unique_role_name = 'U-901ENTRYXX') WHERE username = ?", member);
        String importer = newProjectUser(qa(), 201, "pi", Map.of("api_import", 1, "user_rights", 1));
        String token = giveToken(qa(), 201, importer, 0, 1);

        HttpResponse<String> refused = api("qa", token, "content", "user", "format", "json", "data",
                "[{\"username\":\"" + other + "\",\"api_export\":1},{\"username\":\"" + member + "\",\"api_export\":1}]");

        assertError(refused, 400, "The user \"" + member + "\" cannot have their user privileges modified because the"
                + " user belongs to a user role. Users in roles cannot have their privileges modified via the 'Import User'"
                + " API method.");
        assertThat(qa().queryForObject("SELECT api_export FROM redcap_user_rights WHERE username = ?", Integer.class, other))
                .as("rolled back").isZero();
        assertThat(newestRow(qa(), DEFAULT_LOG, "user = ?", importer)).containsEntry("description", "Import users (API)")
                .containsEntry("object_type", "redcap_user_rights");
    }

    @Test
    void fact4_userDeleteNeedsRecordDeleteWhichIsNotLogged() {
        String pi = newProjectUser(qa(), 201, "deleter", Map.of("api_import", 1, "user_rights", 1));
        String token = giveToken(qa(), 201, pi, 0, 1);
        String leaver = newProjectUser(qa(), 201, "leaver", Map.of());

        assertError(api("qa", token, "content", "user", "action", "delete", "format", "json", "users[0]", leaver), 403,
                UserRightsPrivileges.NO_RECORD_DELETE);
        assertThat(count(qa(), "SELECT COUNT(*) FROM redcap_log_event WHERE user = ?", pi)).isZero();
    }

    @Test
    void fact2_userDeleteLogsFirstWithTheUsersAndRemovesThemWithTheirTokens() {
        String pi = newProjectUser(prod(), 101, "remover", Map.of("api_import", 1, "user_rights", 1, "record_delete", 1));
        String token = giveToken(prod(), 101, pi, 0, 1);
        String first = newProjectUser(prod(), 101, "gone", Map.of("api_export", 1));
        String second = newProjectUser(prod(), 101, "gonetoo", Map.of());
        String firstsToken = giveToken(prod(), 101, first, 1, 0);

        HttpResponse<String> deleted = api("prod", token, "content", "user", "action", "delete", "format", "json",
                "users[0]", first, "users[1]", second);

        assertThat(deleted.body()).isEqualTo("2");
        assertError(api("prod", firstsToken, "content", "version", "format", "json"), 403, NO_PERMISSION);
        Map<String, Object> row = newestRow(prod(), PROD_LOG, "user = ? AND event = 'MANAGE'", pi);
        assertThat(row).containsEntry("object_type", "redcap_users").containsEntry("description", "Delete users (API)")
                .containsEntry("data_values", "user_id in (" + first + ", " + second + ")");
        assertError(api("prod", token, "content", "user", "action", "delete", "format", "json", "users[0]", "nobody"), 400,
                "These users are not users of this project: nobody");
        assertThat(newestRow(prod(), PROD_LOG, "user = ? AND event = 'MANAGE'", pi))
                .as("logged before the refusal").containsEntry("data_values", "user_id in (nobody)");
    }

    // --- 2 and 4. Roles and role assignments

    @Test
    void fact1_fact2_rolesAreImportedWithREDCapsUniqueNamesExportedAndDeleted() {
        String pi = newProjectUser(qa(), 201, "roles", Map.of("api_export", 1, "api_import", 1, "user_rights", 1,
                "record_delete", 1));
        String token = giveToken(qa(), 201, pi, 1, 1);
        String label = "Monitors " + randomToken().substring(0, 6);

        HttpResponse<String> imported = api("qa", token, "content", "userRole", "format", "json", "data",
                "[{\"role_label\":\"" + label + "\",\"api_export\":1,\"forms_export\":{\"enrollment\":1}}]");

        assertThat(imported.body()).isEqualTo("1");
        assertThat(newestRow(qa(), DEFAULT_LOG, "user = ?", pi)).containsEntry("object_type", "redcap_user_roles")
                .containsEntry("description", "Import user roles (API)");
        JsonNode role = null;
        for (JsonNode candidate : json(api("qa", token, "content", "userRole", "format", "json"), 200)) {
            if (candidate.get("role_label").asText().equals(label)) {
                role = candidate;
            }
        }
        assertThat(role).isNotNull();
        String unique = role.get("unique_role_name").asText();
        assertThat(unique).matches("U-\\d{3}[A-Z0-9]{7}");
        assertThat(role.get("api_export").asInt()).isEqualTo(1);
        assertThat(role.get("forms_export").get("enrollment").asInt()).isEqualTo(1);
        assertThat(newestRow(qa(), DEFAULT_LOG, "user = ?", pi)).containsEntry("description", "Export user roles (API)");

        assertThat(api("qa", token, "content", "userRole", "action", "delete", "format", "json", "roles[0]", unique).body())
                .isEqualTo("1");
        assertThat(count(qa(), "SELECT COUNT(*) FROM redcap_user_roles WHERE unique_role_name = ?", unique)).isZero();
        assertThat(newestRow(qa(), DEFAULT_LOG, "user = ?", pi)).containsEntry("description", "Delete user roles (API)")
                .containsEntry("object_type", "redcap_user_roles");
    }

    @Test
    void fact4_roleImportAndDeleteWithoutFullUserRightsAre400Api171AndLoggedNot() {
        String user = newProjectUser(qa(), 201, "norole", Map.of("api_export", 1, "api_import", 1, "user_rights", 2));
        String token = giveToken(qa(), 201, user, 1, 1);

        assertError(api("qa", token, "content", "userRole", "format", "json", "data", "[]"), 400,
                UserRightsPrivileges.ROLE_IMPORT);
        assertError(api("qa", token, "content", "userRole", "action", "delete", "format", "json", "roles[0]", "U-1"), 400,
                UserRightsPrivileges.ROLE_IMPORT);
        assertError(api("qa", token, "content", "userRoleMapping", "format", "json", "data", "[]"), 400,
                UserRightsPrivileges.ROLE_IMPORT);
        assertThat(count(qa(), "SELECT COUNT(*) FROM redcap_log_event WHERE user = ?", user)).isZero();
    }

    @Test
    void fact2_roleAssignmentsAreExportedAndImportedAndTheRolesRightsThenApply() {
        String pi = newProjectUser(prod(), 101, "assigner", Map.of("api_export", 1, "api_import", 1, "user_rights", 1));
        String piToken = giveToken(prod(), 101, pi, 1, 1);
        String analyst = newProjectUser(prod(), 101, "analyst", Map.of());
        String analystsToken = giveToken(prod(), 101, analyst, 0, 0);
        String dataAnalyst = prod().queryForObject("SELECT unique_role_name FROM redcap_user_roles WHERE project_id = 101"
                + " AND role_name = 'Data Analyst'", String.class);
        assertError(api("prod", analystsToken, "content", "version", "format", "json"), 403,
                "You do not have API Export privileges");

        HttpResponse<String> assigned = api("prod", piToken, "content", "userRoleMapping", "format", "json", "data",
                "[{\"username\":\"" + analyst + "\",\"unique_role_name\":\"" + dataAnalyst + "\"}]");

        assertThat(assigned.body()).isEqualTo("1");
        assertThat(newestRow(prod(), PROD_LOG, "user = ?", pi)).containsEntry("object_type", "redcap_user_rights")
                .containsEntry("description", "Import user role assignments (API)");
        assertThat(api("prod", analystsToken, "content", "version").statusCode()).as("the role's export right")
                .isEqualTo(200);
        JsonNode mapping = user(json(api("prod", piToken, "content", "userRoleMapping", "format", "json"), 200), analyst);
        assertThat(mapping.get("unique_role_name").asText()).isEqualTo(dataAnalyst);
        assertThat(newestRow(prod(), PROD_LOG, "user = ?", pi))
                .containsEntry("description", "Export user role assignments (API)");

        api("prod", piToken, "content", "userRoleMapping", "format", "json", "data",
                "[{\"username\":\"" + analyst + "\",\"unique_role_name\":\"\"}]");

        assertError(api("prod", analystsToken, "content", "version", "format", "json"), 403,
                "You do not have API Export privileges");
    }

    // --- 4. Log export

    @Test
    void fact4_theLogNeedsLoggingRightsAndExportRightsOtherThanNoAccess() {
        String noLogging = newProjectUser(qa(), 201, "nolog", Map.of("api_export", 1));
        String noExport = newProjectUser(qa(), 201, "noexp", Map.of("api_export", 1, "data_logging", 1,
                "data_export_instruments", "[enrollment,0][followup,0]"));
        String reader = newProjectUser(qa(), 201, "reader", Map.of("api_export", 1, "data_logging", 1,
                "data_export_instruments", "[enrollment,2][followup,0]"));

        assertError(api("qa", giveToken(qa(), 201, noLogging, 1, 0), "content", "log", "format", "json"), 403,
                LogMethods.NO_LOGGING);
        assertError(api("qa", giveToken(qa(), 201, noExport, 1, 0), "content", "log", "format", "json"), 403,
                LogMethods.NO_LOGGING);
        assertThat(api("qa", giveToken(qa(), 201, reader, 1, 0), "content", "log", "format", "json").statusCode())
                .isEqualTo(200);
    }

    @Test
    void fact1_fact2_theLogExportReadsTheProjectsOwnTableNotTheDefaultOne() {
        String user = newProjectUser(prod(), 101, "tables", Map.of("api_export", 1));
        prod().update("INSERT INTO redcap_log_event (project_id, ts, user, page, event, object_type, pk, description)"
                + " VALUES (101, 20330101000000, ?, 'api/index.php', 'MANAGE', 'redcap_projects', '101', 'In the wrong"
                + " table (API)')", user);
        prod().update("INSERT INTO redcap_log_event5 (project_id, ts, user, page, event, object_type, pk, description)"
                + " VALUES (101, 20330101000000, ?, 'api/index.php', 'MANAGE', 'redcap_projects', '101', 'In the"
                + " project''s table (API)')", user);

        JsonNode log = json(api("prod", PROD_STEWARD, "content", "log", "format", "json", "user", user), 200);

        assertThat(log.findValuesAsText("details")).containsExactly("In the project's table (API)");
        assertThat(newestRow(prod(), PROD_LOG, "user = 'tokengov_steward'"))
                .as("Export Logging is logged after the query, with the log table as its object type")
                .containsEntry("description", "Export Logging (API)").containsEntry("object_type", PROD_LOG);
    }

    @Test
    void fact4_logFiltersAppendSecondsZeroAndIncludeBothEndsNewestFirst() {
        String user = newProjectUser(qa(), 201, "filtered", Map.of("api_export", 1));
        String token = giveToken(qa(), 201, user, 1, 0);
        at(LocalDateTime.of(2034, 2, 3, 10, 0, 0));
        api("qa", token, "content", "version");
        at(LocalDateTime.of(2034, 2, 3, 10, 0, 30));
        api("qa", token, "content", "project", "format", "json");
        at(LocalDateTime.of(2034, 2, 3, 11, 15, 0));
        api("qa", token, "content", "exportFieldNames", "format", "json");

        assertThat(log("user", user).findValuesAsText("details")).as("newest first").containsExactly(
                "Export field names (API)", "Export project information (API)", "Export REDCap version (API)");
        assertThat(log("user", user, "beginTime", "2034-02-03 10:00", "endTime", "2034-02-03 10:00")
                .findValuesAsText("details")).as("10:00 means 10:00:00 at both ends")
                .containsExactly("Export REDCap version (API)");
        assertThat(log("user", user, "beginTime", "2034-02-03 10:00:15", "endTime", "2034-02-03 10:00:45")
                .findValuesAsText("details")).as("seconds, as PyCap sends them").containsExactly(
                "Export project information (API)");
        assertThat(log("user", user, "beginTime", "2034-02-03 10:01", "endTime", "2034-02-03 11:14")).isEmpty();
        assertThat(log("user", user, "logtype", "manage")).hasSize(3);
        assertThat(log("user", user, "logtype", "export")).isEmpty();
    }

    @Test
    void fact4_anEmptyBeginTimeMeansTheProjectsCreation() {
        int project = newProject(qa(), "redcap_log_event9");
        String reader = newProjectUser(qa(), project, "since", Map.of("api_export", 1, "data_logging", 1));
        String token = giveToken(qa(), project, reader, 1, 0);
        qa().update("INSERT INTO redcap_log_event9 (project_id, ts, user, page, event, description) VALUES"
                + " (?, 20000101000000, 'x', 'api/index.php', 'MANAGE', 'Before the project (API)'),"
                + " (?, 20990101000000, 'x', 'api/index.php', 'MANAGE', 'After its creation (API)')", project, project);

        assertThat(json(api("qa", token, "content", "log", "format", "json", "user", "x", "beginTime", ""), 200)
                .findValuesAsText("details")).containsExactly("After its creation (API)");
    }

    @Test
    void fact4_aProjectThatRequiresChangeReasonsShowsThemInTheLog() {
        int project = newProject(qa(), "redcap_log_event11");
        String reader = newProjectUser(qa(), project, "reasons", Map.of("api_export", 1, "data_logging", 1));
        String token = giveToken(qa(), project, reader, 1, 0);
        qa().update("UPDATE redcap_projects SET require_change_reason = 1 WHERE project_id = ?", project);
        qa().update("INSERT INTO redcap_log_event11 (project_id, ts, user, page, event, object_type, pk, data_values,"
                + " description, change_reason) VALUES (?, 20990101000000, 'x', 'DataEntry/index.php', 'UPDATE',"
                + " 'redcap_data', '4', 'age = ''40''', 'Update record', 'typo')", project);

        JsonNode entry = json(api("qa", token, "content", "log", "format", "json", "user", "x"), 200).get(0);

        assertThat(entry.get("reason").asText()).isEqualTo("typo");
        assertThat(entry.get("record").asText()).isEqualTo("4");
        assertThat(entry.get("details").asText()).isEqualTo("age = '40'");
    }

    @Test
    void fact4_logExportRefusesUnknownTypesAndTimes() {
        assertError(api("qa", QA_STEWARD, "content", "log", "format", "json", "logtype", "all"), 400,
                "The value of the parameter \"logtype\" is not valid");
        assertError(api("qa", QA_STEWARD, "content", "log", "format", "json", "beginTime", "yesterday"), 400,
                "The value of the parameter \"beginTime\" is not valid: expected YYYY-MM-DD HH:MM");
    }

    @Test
    void fact4_theLogExportsAsCsvWithItsFields() {
        HttpResponse<String> csv = api("qa", QA_STEWARD, "content", "log", "format", "csv", "user", "nobody-at-all");

        assertThat(csv.body()).isEqualTo("timestamp,username,action,details,record\n");
    }

    private JsonNode log(String... filters) {
        String[] parameters = new String[filters.length + 4];
        parameters[0] = "content";
        parameters[1] = "log";
        parameters[2] = "format";
        parameters[3] = "json";
        System.arraycopy(filters, 0, parameters, 4, filters.length);
        return json(api("qa", QA_STEWARD, parameters), 200);
    }
}
