package org.tokengov.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.RealServersWithKeycloak;

/**
 * The token dashboard with the {@code keycloak} profile: a visitor is sent to Keycloak's login page and comes back to
 * the dashboard, which knows them by their Keycloak username and treats them as administrator by their Keycloak
 * groups. Here beside {@link KeycloakLoginIT} for its {@link Browser}; same context configuration, so the same app.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"embedded", "keycloak"})
@ContextConfiguration(initializers = RealServersWithKeycloak.class)
class DashboardKeycloakLoginIT {

    private static final String KEYCLOAK_LOGIN_FORM = "id=\"kc-form-login\"";

    @Autowired ConfigurableApplicationContext context;
    @Autowired JdbcTemplate jdbc;

    String app;

    @BeforeEach
    void urls() {
        RealServers.serveHttpFrom(context);
        app = RealServers.baseUrl(context);
    }

    @Test
    void theDashboardLogsInThroughKeycloakAndShowsAdministratorsEveryonesTokensAndOthersTheirOwn() {
        String alices = token("alice");
        String bobs = token("bob");

        Browser alice = new Browser();
        HttpResponse<String> loginPage = alice.open(app + "/dashboard");
        assertThat(loginPage.uri().toString()).startsWith(RealServersWithKeycloak.KEYCLOAK_LINK.url() + "/realms/tokengov/");
        HttpResponse<String> dashboard = alice.submit(loginPage, KEYCLOAK_LOGIN_FORM, Map.of("username", "alice", "password", "demo"));
        // Spring Security marks the return to the saved request with "?continue"; the dashboard ignores it.
        assertThat(dashboard.uri().toString()).startsWith(app + "/dashboard");
        assertThat(dashboard.statusCode()).as(dashboard.body()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Logged in as <strong>alice</strong>").contains("your tokens and requests")
                .contains(alices).doesNotContain(bobs);
        assertThat(alice.open(app + "/dashboard/tokens.csv?holder=bob").statusCode()).isEqualTo(400);

        Browser ada = new Browser();
        HttpResponse<String> adminPage = ada.submit(ada.open(app + "/dashboard"), KEYCLOAK_LOGIN_FORM,
                Map.of("username", "ada", "password", "demo"));
        assertThat(adminPage.body()).contains("Logged in as <strong>ada</strong>").contains("administrator: all tokens")
                .contains(alices).contains(bobs);
    }

    /**
     * A token on a project of its own: this app is shared with {@link KeycloakLoginIT}, whose requests for project
     * 101 a live PROD token there would make ineligible.
     */
    private String token(String holder) {
        String id = UUID.randomUUID().toString();
        Instant issued = Instant.now().minus(Duration.ofDays(1));
        jdbc.update("""
                insert into api_token (id, holder, environment, project_id, right_export, right_import, right_mobile_app, state,
                    issued_at, expires_at, version)
                values (?, ?, 'PROD', 9101, true, false, false, 'ACTIVE', ?, ?, 0)""",
                id, holder, Timestamp.from(issued), Timestamp.from(issued.plus(Duration.ofDays(365))));
        return id;
    }
}
