package org.tokengov.redcapsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
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
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.testsupport.TestDatabases;

/**
 * The simulator as the app sees it: two REDCap servers (qa: project 201, prod: project 101, demo data) on MariaDB with
 * REDCap's table names, reached over real HTTP, in New York time. The context holds only this package and Spring MVC,
 * no engine and no application database; every subclass shares it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = SimulatorOnMariaDb.SimulatorOnly.class,
        properties = {"spring.config.name=redcap-simulator-it", "redcap-sim.enabled=true", "redcap-sim.hang-duration=2s",
                "redcap-sim.time-zone=America/New_York"})
@ContextConfiguration(initializers = SimulatorOnMariaDb.Databases.class)
abstract class SimulatorOnMariaDb {

    static final ZoneId SERVER_ZONE = ZoneId.of("America/New_York");
    static final String QA_STEWARD = randomToken();
    static final String PROD_STEWARD = randomToken();
    static final String NO_PERMISSION = "You do not have permissions to use the API";

    @SpringBootConfiguration
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
    @ComponentScan(basePackageClasses = RedcapSimulatorConfiguration.class)
    static class SimulatorOnly {
    }

    /** Two new MariaDB databases per context. */
    static class Databases implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(server("qa", 201, QA_STEWARD)).and(server("prod", 101, PROD_STEWARD)).applyTo(context);
        }

        private static String[] server(String name, int project, String steward) {
            String prefix = "redcap-sim.environments." + name + ".";
            return new String[] {prefix + "jdbc-url=" + TestDatabases.newMariaDbDatabase("redcap_sim"),
                    prefix + "username=" + TestDatabases.MARIADB_USER, prefix + "password=",
                    prefix + "seed-demo-data=true", prefix + "steward-tokens.[" + project + "]=" + steward};
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    SimulatorClock clock;

    @Autowired
    Environment environment;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void backToRealTime() {
        clock.use(Clock.systemUTC());
    }

    JdbcTemplate qa() {
        return database("qa");
    }

    JdbcTemplate prod() {
        return database("prod");
    }

    /** REDCap's own database of the server, as an admin tool or the app's database mode reaches it. */
    JdbcTemplate database(String server) {
        return new JdbcTemplate(new DriverManagerDataSource(
                environment.getRequiredProperty("redcap-sim.environments." + server + ".jdbc-url"),
                TestDatabases.MARIADB_USER, ""));
    }

    /** Puts the servers' clock at this wall-clock moment of their time zone. */
    void at(LocalDateTime serverTime) {
        clock.use(Clock.fixed(serverTime.atZone(SERVER_ZONE).toInstant(), SERVER_ZONE));
    }

    HttpResponse<String> api(String server, String token, String... namesAndValues) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (token != null) {
            parameters.put("token", token);
        }
        parameters.putAll(pairs(namesAndValues));
        return post("/redcap-sim/" + server + "/api/", parameters);
    }

    HttpResponse<String> post(String path, Map<String, String> parameters) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters))));
    }

    /** A form post to one of the simulated REDCap pages. */
    HttpResponse<String> page(String server, String page, String... namesAndValues) {
        return post("/redcap-sim/" + server + "/" + page, pairs(namesAndValues));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(p -> URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    JsonNode json(HttpResponse<String> response, int expectedStatus) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    void assertError(HttpResponse<String> response, int status, String message) {
        assertThat(json(response, status).get("error").asText()).isEqualTo(message);
    }

    /** The user's token now, as REDCap's API page would show it (null if none). */
    String tokenOf(JdbcTemplate redcap, int projectId, String username) {
        return redcap.queryForList("SELECT api_token FROM redcap_user_rights WHERE project_id = ? AND username = ?",
                String.class, projectId, username).stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** As the app's database mode does it: SQL straight into REDCap's table. */
    static String giveToken(JdbcTemplate redcap, int projectId, String username, int apiExport, int apiImport) {
        String token = randomToken();
        int rows = redcap.update("UPDATE redcap_user_rights SET api_token = ?, api_export = ?, api_import = ?"
                + " WHERE project_id = ? AND username = ?", token, apiExport, apiImport, projectId, username);
        assertThat(rows).isEqualTo(1);
        return token;
    }

    /**
     * A new person on the project with exactly these rights (every other none), so that tests sharing the servers do
     * not meet each other's changes.
     *
     * @param rights column of redcap_user_rights to value
     */
    static String newProjectUser(JdbcTemplate redcap, int projectId, String prefix, Map<String, Object> rights) {
        String username = prefix + "_" + randomToken().substring(0, 8).toLowerCase();
        redcap.update("INSERT INTO redcap_user_information (username, user_email, user_firstname, user_lastname)"
                + " VALUES (?, ?, ?, 'Tester')", username, username + "@example.org", prefix);
        Map<String, Object> columns = new LinkedHashMap<>(Map.of("user_rights", 0, "data_logging", 0));
        columns.putAll(rights);
        redcap.update("INSERT INTO redcap_user_rights (project_id, username, " + String.join(", ", columns.keySet())
                        + ") VALUES (?, ?" + ", ?".repeat(columns.size()) + ")",
                java.util.stream.Stream.concat(java.util.stream.Stream.of(projectId, username), columns.values().stream())
                        .toArray());
        return username;
    }

    /** A new project of the server, created now (server time), logging into the given table. */
    static int newProject(JdbcTemplate redcap, String logEventTable) {
        String title = "Test project " + randomToken();
        redcap.update("INSERT INTO redcap_projects (app_title, status, creation_time, log_event_table) VALUES (?, 1, ?, ?)",
                title, java.sql.Timestamp.valueOf(LocalDateTime.now(SERVER_ZONE).minusDays(1)), logEventTable);
        return redcap.queryForObject("SELECT project_id FROM redcap_projects WHERE app_title = ?", Integer.class, title);
    }

    /** The newest row of a log table that matches the condition, as column name to value. */
    static Map<String, Object> newestRow(JdbcTemplate redcap, String table, String condition, Object... arguments) {
        return redcap.queryForList("SELECT * FROM " + table + " WHERE " + condition + " ORDER BY log_event_id DESC LIMIT 1",
                arguments).stream().findFirst().orElseThrow(() -> new AssertionError("no row in " + table + " where "
                + condition));
    }

    static JsonNode user(JsonNode users, String username) {
        for (JsonNode user : users) {
            if (user.get("username").asText().equals(username)) {
                return user;
            }
        }
        throw new AssertionError("no user " + username + " in " + users);
    }

    static long count(JdbcTemplate redcap, String sql, Object... arguments) {
        return redcap.queryForObject(sql, Long.class, arguments);
    }

    static String randomToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    private static Map<String, String> pairs(String... namesAndValues) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }
}
