package org.tokengov.redcapsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tokengov.testsupport.TestDatabases;

/**
 * The simulator as the app sees it: two REDCap servers on MariaDB, reached over real HTTP. The context
 * holds only this package and Spring MVC, no engine and no application database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = RedcapSimulatorIT.SimulatorOnly.class,
        properties = {"spring.config.name=redcap-simulator-it", "redcap-sim.enabled=true", "redcap-sim.hang-duration=2s"})
class RedcapSimulatorIT {

    private static final String QA_DATABASE = TestDatabases.newMariaDbDatabase("redcap_sim");
    private static final String PROD_DATABASE = TestDatabases.newMariaDbDatabase("redcap_sim");
    private static final String QA_STEWARD = randomToken();
    private static final String PROD_STEWARD = randomToken();
    private static final String NO_PERMISSION = "You do not have permissions to use the API";

    @SpringBootConfiguration
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
    @ComponentScan(basePackageClasses = RedcapSimulatorConfiguration.class)
    static class SimulatorOnly {
    }

    @DynamicPropertySource
    static void redcapServers(DynamicPropertyRegistry registry) {
        server(registry, "qa", QA_DATABASE, 201, QA_STEWARD);
        server(registry, "prod", PROD_DATABASE, 101, PROD_STEWARD);
    }

    private static void server(DynamicPropertyRegistry registry, String name, String url, int project, String steward) {
        String prefix = "redcap-sim.environments." + name + ".";
        registry.add(prefix + "jdbc-url", () -> url);
        registry.add(prefix + "username", () -> TestDatabases.MARIADB_USER);
        registry.add(prefix + "password", () -> "");
        registry.add(prefix + "seed-demo-data", () -> "true");
        registry.add(prefix + "steward-tokens." + project, () -> steward);
    }

    @LocalServerPort
    private int port;

    @Autowired
    private SimulatorClock clock;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final JdbcTemplate qa = database(QA_DATABASE);
    private final JdbcTemplate prod = database(PROD_DATABASE);

    @AfterEach
    void backToNormal() throws Exception {
        clock.use(Clock.systemDefaultZone());
        post("/redcap-sim/qa/outage", Map.of("mode", "none"));
        post("/redcap-sim/prod/outage", Map.of("mode", "none"));
    }

    // --- content=version and content=project

    @Test
    void tellsTheRedcapVersionAsPlainText() throws Exception {
        HttpResponse<String> response = api("qa", QA_STEWARD, "content", "version", "format", "json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void describesTheTokensProject() throws Exception {
        JsonNode project = json(api("prod", PROD_STEWARD, "content", "project", "format", "json"), 200);

        assertThat(project.get("project_id").asInt()).isEqualTo(101);
        assertThat(project.get("project_title").asText()).isEqualTo("Demo Study (production)");
        assertThat(project.get("in_production").asInt()).isEqualTo(1);
        assertThat(json(api("qa", QA_STEWARD, "content", "project", "format", "json"), 200).get("in_production").asInt())
                .isZero();
    }

    @Test
    void theApiAnswersWithAndWithoutTheTrailingSlash() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/redcap-sim/qa/api"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("token", QA_STEWARD, "content", "version")))));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    // --- content=user

    @Test
    void exportsTheProjectsUsersWithoutTokens() throws Exception {
        HttpResponse<String> response = api("prod", PROD_STEWARD, "content", "user", "format", "json");
        JsonNode users = json(response, 200);

        assertThat(prod.queryForList("SELECT api_token FROM redcap_user_rights WHERE api_token IS NOT NULL", String.class))
                .isNotEmpty().allSatisfy(token -> assertThat(response.body()).doesNotContain(token));
        assertThat(response.body()).doesNotContain("api_token");
        assertThat(users.findValuesAsText("username"))
                .contains("alice", "bob", "rita", "pat", "svc_etl", "carol", "tokengov_steward")
                .doesNotContain("ada", "sam");
        JsonNode pat = user(users, "pat");
        assertThat(pat.get("email").asText()).isEqualTo("pat@example.org");
        assertThat(pat.get("user_rights").asInt()).isEqualTo(1);
        assertThat(pat.get("expiration").asText()).isEmpty();
        assertThat(user(users, "carol").get("expiration").asText()).isEqualTo("2020-01-01");
        assertThat(user(users, "tokengov_steward").get("logging").asInt()).isEqualTo(1);
        assertThat(pat.fieldNames()).toIterable().containsExactly("username", "email", "firstname", "lastname",
                "expiration", "user_rights", "api_export", "api_import", "mobile_app", "logging");
    }

    @Test
    void exportsUsersAsCsvAndXml() throws Exception {
        HttpResponse<String> csv = api("prod", PROD_STEWARD, "content", "user", "format", "csv");
        HttpResponse<String> xml = api("prod", PROD_STEWARD, "content", "user");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.body().lines().findFirst())
                .contains("username,email,firstname,lastname,expiration,user_rights,api_export,api_import,mobile_app,logging");
        assertThat(csv.body()).contains("\ncarol,carol@example.org,Carol,Chen,2020-01-01,0,0,0,0,0\n");
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<users>\n<item><username>")
                .contains("<username>alice</username>").doesNotContain(PROD_STEWARD);
    }

    @Test
    void importingApiExportZeroKeepsTheTokenButRefusesExports() throws Exception {
        String bobsToken = giveToken(qa, 201, "bob", 1, 0);
        assertThat(api("qa", bobsToken, "content", "user", "format", "json").statusCode()).isEqualTo(200);

        HttpResponse<String> imported = api("qa", QA_STEWARD, "content", "user", "format", "json",
                "data", "[{\"username\":\"bob\",\"api_export\":0}]");

        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(imported.body()).isEqualTo("1");
        assertThat(qa.queryForObject("SELECT api_token FROM redcap_user_rights WHERE project_id = 201 AND username = 'bob'",
                String.class)).isEqualTo(bobsToken);
        assertError(api("qa", bobsToken, "content", "user", "format", "json"), 403, "You do not have API Export privileges");
        assertError(api("qa", bobsToken, "content", "version", "format", "json"), 403, "You do not have API Export privileges");
    }

    @Test
    void importsAddNewProjectUsersAndDeleteRemovesThem() throws Exception {
        HttpResponse<String> added = api("prod", PROD_STEWARD, "content", "user", "format", "json",
                "data", "[{\"username\":\"sam\",\"expiration\":\"2099-12-31\",\"api_export\":1,\"logging\":1}]");
        assertThat(added.body()).isEqualTo("1");
        JsonNode sam = user(json(api("prod", PROD_STEWARD, "content", "user", "format", "json"), 200), "sam");
        assertThat(sam.get("expiration").asText()).isEqualTo("2099-12-31");
        assertThat(sam.get("api_export").asInt()).isEqualTo(1);
        assertThat(sam.get("api_import").asInt()).isZero();
        String samsToken = giveToken(prod, 101, "sam", 1, 0);

        HttpResponse<String> deleted = api("prod", PROD_STEWARD, "content", "user", "action", "delete", "format", "json",
                "users[0]", "sam");

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("1");
        assertThat(json(api("prod", PROD_STEWARD, "content", "user", "format", "json"), 200).findValuesAsText("username"))
                .doesNotContain("sam");
        assertError(api("prod", samsToken, "content", "version", "format", "json"), 403, NO_PERMISSION);
    }

    @Test
    void refusesBadImportsAndDeletionsAndChangesNothing() throws Exception {
        long eventsBefore = logEvents(qa);

        assertError(api("qa", QA_STEWARD, "content", "user", "format", "json",
                        "data", "[{\"username\":\"alice\",\"api_export\":1},{\"username\":\"mallory\"}]"), 400,
                "These users do not exist in REDCap, so they cannot be added to the project: mallory");
        assertError(api("qa", QA_STEWARD, "content", "user", "format", "json", "data", "[{\"username\":"), 400,
                "The data being imported is not formatted correctly. The JSON must be in an array, as in [{ ... }].");
        assertError(api("qa", QA_STEWARD, "content", "user", "format", "json", "data", "[{\"username\":\"alice\",\"api_export\":7}]"),
                400, "The value \"7\" of \"api_export\" for user \"alice\" is not valid");
        assertError(api("qa", QA_STEWARD, "content", "user", "action", "delete", "format", "json",
                "users[0]", "alice", "users[1]", "ada"), 400, "These users are not users of this project: ada");
        assertError(api("qa", QA_STEWARD, "content", "user", "action", "delete", "format", "json"), 400,
                "No users were given to delete: send them as users[0], users[1], ...");
        assertError(api("qa", QA_STEWARD, "content", "user", "action", "rename", "format", "json"), 400,
                "The value of the parameter \"action\" is not valid");

        assertThat(qa.queryForObject("SELECT api_export FROM redcap_user_rights WHERE project_id = 201 AND username = 'alice'",
                Integer.class)).isZero();
        assertThat(qa.queryForObject("SELECT COUNT(*) FROM redcap_user_rights WHERE username = 'alice'", Integer.class))
                .isEqualTo(1);
        assertThat(logEvents(qa)).isEqualTo(eventsBefore);
    }

    @Test
    void userImportAndDeleteNeedImportAndUserRights() throws Exception {
        String exportOnly = giveToken(prod, 101, "rita", 1, 0);
        String importWithoutUserRights = giveToken(prod, 101, "alice", 1, 1);

        assertError(api("prod", exportOnly, "content", "user", "format", "json", "data", "[]"), 403,
                "You do not have API Import/Update privileges");
        assertError(api("prod", exportOnly, "content", "user", "action", "delete", "format", "json", "users[0]", "bob"), 403,
                "You do not have API Import/Update privileges");
        assertError(api("prod", importWithoutUserRights, "content", "user", "format", "json", "data", "[]"), 403,
                "You do not have User Rights privileges");
        assertError(api("prod", importWithoutUserRights, "content", "user", "action", "delete", "format", "json",
                "users[0]", "bob"), 403, "You do not have User Rights privileges");
        assertError(api("prod", importWithoutUserRights, "content", "log", "format", "json"), 403,
                "The API request cannot complete because currently you do not have \"Logging\" privileges,"
                        + " which are required for this operation.");
    }

    // --- content=log and REDCap's log events

    @Test
    void everyAcceptedCallWritesARedcapLogEvent() throws Exception {
        clock.use(fixedAt(LocalDateTime.of(2031, 5, 6, 7, 8, 9)));

        api("qa", QA_STEWARD, "content", "user", "format", "json");

        Map<String, Object> event = qa.queryForMap("SELECT project_id, ts, user, page, event, object_type, pk, description"
                + " FROM redcap_log_event ORDER BY log_event_id DESC LIMIT 1");
        assertThat(event).containsEntry("project_id", 201).containsEntry("ts", 20310506070809L)
                .containsEntry("user", "tokengov_steward").containsEntry("page", "api/index.php")
                .containsEntry("event", "MANAGE").containsEntry("object_type", "redcap_user_rights")
                .containsEntry("pk", "201").containsEntry("description", "Export users (API)");
    }

    @Test
    void exportsTheLogNewestFirstWithItsFilters() throws Exception {
        String bobsToken = giveToken(prod, 101, "bob", 1, 0);
        clock.use(fixedAt(LocalDateTime.of(2032, 2, 3, 10, 0, 5)));
        api("prod", PROD_STEWARD, "content", "user", "format", "json");
        clock.use(fixedAt(LocalDateTime.of(2032, 2, 3, 11, 0, 5)));
        api("prod", bobsToken, "content", "version");
        clock.use(fixedAt(LocalDateTime.of(2032, 2, 3, 12, 0, 5)));
        api("prod", PROD_STEWARD, "content", "user", "format", "json", "data", "[{\"username\":\"svc_etl\",\"mobile_app\":0}]");
        clock.use(fixedAt(LocalDateTime.of(2032, 2, 4, 9, 0, 0)));
        String dayStart = "2032-02-03 00:00";
        String dayEnd = "2032-02-03 23:59";

        JsonNode all = log("beginTime", dayStart, "endTime", dayEnd);
        assertThat(all).hasSize(4);
        assertThat(all.get(0)).hasToString("{\"timestamp\":\"2032-02-03 12:00\",\"username\":\"tokengov_steward\","
                + "\"action\":\"Manage/Design\",\"details\":\"Import users (API)\",\"record\":\"\"}");
        assertThat(all.findValuesAsText("details")).containsExactly("Import users (API)", "user = 'svc_etl'",
                "Export REDCap version (API)", "Export users (API)");
        assertThat(log("beginTime", "2032-02-03 10:01", "endTime", "2032-02-03 11:00").findValuesAsText("details"))
                .containsExactly("Export REDCap version (API)");
        assertThat(log("beginTime", dayStart, "endTime", "2032-02-03 10:00").findValuesAsText("details"))
                .containsExactly("Export users (API)");
        assertThat(log("beginTime", "2032-02-03 12:01", "endTime", dayEnd)).isEmpty();
        assertThat(log("beginTime", dayStart, "endTime", dayEnd, "user", "bob").findValuesAsText("username"))
                .containsExactly("bob");
        assertThat(log("beginTime", dayStart, "endTime", dayEnd, "logtype", "user").findValuesAsText("action"))
                .containsExactly("Edit user");
        assertThat(log("beginTime", dayStart, "endTime", dayEnd, "logtype", "manage")).hasSize(3);
        assertThat(log("beginTime", dayStart, "endTime", dayEnd, "logtype", "record")).isEmpty();
        assertThat(log("beginTime", "2032-02-04 00:00").findValuesAsText("details"))
                .containsOnly("Export Logging (API)").hasSize(8);
        assertError(api("prod", PROD_STEWARD, "content", "log", "format", "json", "logtype", "all"), 400,
                "The value of the parameter \"logtype\" is not valid");
        assertError(api("prod", PROD_STEWARD, "content", "log", "format", "json", "beginTime", "yesterday"), 400,
                "The value of the parameter \"beginTime\" is not valid: expected YYYY-MM-DD HH:MM");
    }

    @Test
    void theLogOfOneServerHoldsOnlyThatProject() throws Exception {
        clock.use(fixedAt(LocalDateTime.of(2033, 1, 1, 9, 0, 0)));
        api("qa", QA_STEWARD, "content", "version");
        clock.use(fixedAt(LocalDateTime.of(2033, 1, 1, 9, 30, 0)));

        HttpResponse<String> csv = api("prod", PROD_STEWARD, "content", "log", "format", "csv", "beginTime", "2033-01-01 00:00");

        assertThat(csv.body()).isEqualTo("timestamp,username,action,details,record\n");
        assertThat(prod.queryForObject("SELECT COUNT(*) FROM redcap_log_event WHERE description = 'Export Logging (API)'"
                + " AND ts = 20330101093000", Integer.class)).isEqualTo(1);
    }

    // --- tokens

    @Test
    void refusesMissingMalformedUnknownSuspendedAndExpiredTokensAndLogsNothing() throws Exception {
        String patsToken = giveToken(qa, 201, "pat", 1, 1);
        String carolsToken = giveToken(qa, 201, "carol", 1, 1);
        qa.update("UPDATE redcap_user_information SET user_suspended_time = NOW() WHERE username = 'pat'");
        long eventsBefore = logEvents(qa);
        try {
            assertError(api("qa", null, "content", "version", "format", "json"), 403, NO_PERMISSION);
            assertError(api("qa", "not a token;", "content", "version", "format", "json"), 403, NO_PERMISSION);
            assertError(api("qa", randomToken(), "content", "version", "format", "json"), 403, NO_PERMISSION);
            assertError(api("qa", patsToken, "content", "version", "format", "json"), 403, NO_PERMISSION);
            assertError(api("qa", carolsToken, "content", "version", "format", "json"), 403,
                    "You do not have API rights because your privileges have expired for this project as of 2020-01-01.");
            assertThat(logEvents(qa)).isEqualTo(eventsBefore);
        } finally {
            qa.update("UPDATE redcap_user_information SET user_suspended_time = NULL WHERE username = 'pat'");
        }
    }

    @Test
    void aQaTokenIsNoTokenInProdAndViceVersa() throws Exception {
        assertError(api("prod", QA_STEWARD, "content", "version", "format", "json"), 403, NO_PERMISSION);
        assertError(api("qa", PROD_STEWARD, "content", "version", "format", "json"), 403, NO_PERMISSION);
    }

    @Test
    void aTokenWrittenStraightIntoRedcapsTableWorksUntilItIsDeleted() throws Exception {
        String alicesToken = randomToken();
        prod.update("UPDATE redcap_user_rights SET api_token = ?, api_export = 1 WHERE project_id = 101 AND username = 'alice'",
                alicesToken);
        prod.update("INSERT INTO redcap_log_event (project_id, ts, user, page, event, object_type, pk, description)"
                + " VALUES (101, 20260101000000, 'tokengov_steward', 'redcap_token_admin', 'MANAGE', 'redcap_user_rights',"
                + " 'alice', 'Create API token for user')");

        assertThat(api("prod", alicesToken, "content", "project", "format", "json").statusCode()).isEqualTo(200);

        prod.update("UPDATE redcap_user_rights SET api_token = NULL WHERE project_id = 101 AND username = 'alice'");

        assertError(api("prod", alicesToken, "content", "project", "format", "json"), 403, NO_PERMISSION);
    }

    @Test
    void theTokenPageShowsAUsersOwnToken() throws Exception {
        JsonNode page = json(get("/redcap-sim/qa/token?username=tokengov_steward&projectId=201"), 200);

        assertThat(page.get("username").asText()).isEqualTo("tokengov_steward");
        assertThat(page.get("projectId").asInt()).isEqualTo(201);
        assertThat(page.get("token").asText()).isEqualTo(QA_STEWARD);
        assertThat(get("/redcap-sim/qa/token?username=alice&projectId=201").statusCode()).isEqualTo(404);
        assertThat(get("/redcap-sim/qa/token?username=tokengov_steward&projectId=101").statusCode()).isEqualTo(404);
        assertThat(get("/redcap-sim/qa/token?username=tokengov_steward").statusCode()).isEqualTo(400);
        assertThat(get("/redcap-sim/qa/token?username=tokengov_steward&projectId=abc").statusCode()).isEqualTo(400);
        assertThat(get("/redcap-sim/qa/token?projectId=201").statusCode()).isEqualTo(400);
        assertThat(get("/redcap-sim/staging/token?username=alice&projectId=201").statusCode()).isEqualTo(404);
    }

    // --- requests REDCap refuses before it looks at the method

    @Test
    void answersOtherHttpMethodsWith501() throws Exception {
        HttpResponse<String> get = get("/redcap-sim/qa/api/");
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
    void anUnknownServerIs404() throws Exception {
        assertThat(api("staging", QA_STEWARD, "content", "version").statusCode()).isEqualTo(404);
    }

    @Test
    void refusesAMissingOrInvalidContentAfterTheToken() throws Exception {
        assertError(api("qa", QA_STEWARD, "format", "json"), 400, "The value of the parameter \"content\" is not valid");
        assertError(api("qa", QA_STEWARD, "content", "tokens", "format", "json"), 400,
                "The value of the parameter \"content\" is not valid");
        assertError(api("qa", randomToken(), "content", "tokens", "format", "json"), 403, NO_PERMISSION);
    }

    @Test
    void errorsTakeTheShapeOfTheReturnFormat() throws Exception {
        HttpResponse<String> xml = api("qa", randomToken(), "content", "user");
        HttpResponse<String> csv = api("qa", randomToken(), "content", "user", "format", "json", "returnFormat", "csv");

        assertThat(xml.statusCode()).isEqualTo(403);
        assertThat(xml.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\" ?><hash><error>" + NO_PERMISSION
                + "</error></hash>");
        assertThat(csv.statusCode()).isEqualTo(403);
        assertThat(csv.body()).isEqualTo("ERROR: " + NO_PERMISSION);
    }

    // --- simulated outages

    @Test
    void anOutageFailsEveryApiCallUntilItEnds() throws Exception {
        assertThat(json(post("/redcap-sim/qa/outage", Map.of("mode", "error")), 200).get("mode").asText()).isEqualTo("error");

        HttpResponse<String> failed = api("qa", QA_STEWARD, "content", "version");

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).isEqualTo("{\"error\":\"Service unavailable (simulated outage)\"}");
        assertThat(api("prod", PROD_STEWARD, "content", "version").statusCode()).isEqualTo(200);
        assertThat(json(get("/redcap-sim/qa/outage"), 200).get("mode").asText()).isEqualTo("error");

        post("/redcap-sim/qa/outage", Map.of("mode", "none"));

        assertThat(api("qa", QA_STEWARD, "content", "version").statusCode()).isEqualTo(200);
    }

    @Test
    void aHangHoldsCallsUntilTheModeIsSetBack() throws Exception {
        post("/redcap-sim/prod/outage", Map.of("mode", "hang"));

        assertThatThrownBy(() -> http.send(apiRequest("prod", Duration.ofMillis(500),
                Map.of("token", PROD_STEWARD, "content", "version")), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        CompletableFuture<HttpResponse<String>> held = http.sendAsync(apiRequest("prod", Duration.ofSeconds(10),
                Map.of("token", PROD_STEWARD, "content", "version")), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300);
        assertThat(held).isNotDone();

        post("/redcap-sim/prod/outage", Map.of("mode", "none"));

        assertThat(held.get(1, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void aHangLastsAtMostTheHangDuration() throws Exception {
        post("/redcap-sim/qa/outage", Map.of("mode", "hang"));
        long start = System.nanoTime();

        HttpResponse<String> response = http.send(apiRequest("qa", Duration.ofSeconds(10),
                Map.of("token", QA_STEWARD, "content", "version")), HttpResponse.BodyHandlers.ofString());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(8));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAnUnknownOutageMode() throws Exception {
        assertThat(post("/redcap-sim/qa/outage", Map.of("mode", "flaky")).statusCode()).isEqualTo(400);
        assertThat(post("/redcap-sim/staging/outage", Map.of("mode", "none")).statusCode()).isEqualTo(404);
        assertThat(json(get("/redcap-sim/qa/outage"), 200).get("mode").asText()).isEqualTo("none");
    }

    // --- helpers

    private JsonNode log(String... filters) throws Exception {
        Map<String, String> parameters = new LinkedHashMap<>(Map.of("token", PROD_STEWARD, "content", "log", "format", "json"));
        for (int i = 0; i < filters.length; i += 2) {
            parameters.put(filters[i], filters[i + 1]);
        }
        return json(post("/redcap-sim/prod/api/", parameters), 200);
    }

    /** As the app's database mode does it: SQL straight into REDCap's table. */
    private static String giveToken(JdbcTemplate redcap, int projectId, String username, int apiExport, int apiImport) {
        String token = randomToken();
        int rows = redcap.update("UPDATE redcap_user_rights SET api_token = ?, api_export = ?, api_import = ?"
                + " WHERE project_id = ? AND username = ?", token, apiExport, apiImport, projectId, username);
        assertThat(rows).isEqualTo(1);
        return token;
    }

    private HttpResponse<String> api(String environment, String token, String... namesAndValues) throws Exception {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (token != null) {
            parameters.put("token", token);
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return post("/redcap-sim/" + environment + "/api/", parameters);
    }

    private HttpRequest apiRequest(String environment, Duration timeout, Map<String, String> parameters) {
        return HttpRequest.newBuilder(uri("/redcap-sim/" + environment + "/api/"))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters)))
                .build();
    }

    private HttpResponse<String> post(String path, Map<String, String> parameters) throws Exception {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters))));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(p -> URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private JsonNode json(HttpResponse<String> response, int expectedStatus) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return json.readTree(response.body());
    }

    private void assertError(HttpResponse<String> response, int status, String message) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json.readTree(response.body()).get("error").asText()).isEqualTo(message);
    }

    private static JsonNode user(JsonNode users, String username) {
        for (JsonNode user : users) {
            if (user.get("username").asText().equals(username)) {
                return user;
            }
        }
        throw new AssertionError("no user " + username + " in " + users);
    }

    private static long logEvents(JdbcTemplate redcap) {
        return redcap.queryForObject("SELECT COUNT(*) FROM redcap_log_event", Long.class);
    }

    private static Clock fixedAt(LocalDateTime moment) {
        ZoneId zone = ZoneId.systemDefault();
        return Clock.fixed(moment.atZone(zone).toInstant(), zone);
    }

    private static JdbcTemplate database(String url) {
        return new JdbcTemplate(new DriverManagerDataSource(url, TestDatabases.MARIADB_USER, ""));
    }

    private static String randomToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
