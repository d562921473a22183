package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.redcap.RedcapEnvironment.PROD;
import static org.tokengov.redcap.RedcapEnvironment.QA;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.accessreview.AccessReviewIT;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.RealServers;

/**
 * Issue 13, item 2, with {@code tokengov.offboarding.suspend-redcap-account} on (the access review's context, shared):
 * a termination suspends the person's REDCap account in the database mode, so the simulator (REDCap's rules, over
 * HTTP, on MariaDB) refuses every token of theirs, including one made in REDCap behind this system's back; a rehire
 * lifts the suspension this system set, and only that one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = AccessReviewIT.OwnServers.class)
class RedcapAccountSuspensionIT {

    static final String REFUSED = "You do not have permissions to use the API";

    @Autowired ConfigurableApplicationContext context;
    @Autowired OffboardingEvents events;
    @Autowired ManagementService management;
    @Autowired TokenRegistry registry;
    @Autowired JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aTerminationSuspendsTheAccountSoEvenATokenMadeOutsideTheSystemIsRefusedAndARehireLiftsIt() throws Exception {
        IssuedTokens issue = new IssuedTokens(context);
        IssuedToken registered = issue.issue("sam", PROD, 101);
        String outsideProd = madeInRedcapDirectly(issue, PROD, 102, "sam");
        String outsideQa = madeInRedcapDirectly(issue, QA, 201, "sam");
        assertThat(call(PROD, outsideProd).statusCode()).isEqualTo(200);
        assertThat(call(QA, outsideQa).statusCode()).isEqualTo(200);

        String termination = events.record("sam", "HR_WEBHOOK", "left", OffboardingEvent.TERMINATED, null, null);
        Jobs.runDue(management);

        assertThat(registry.find(registered.id()).orElseThrow().state()).isEqualTo(TokenState.REVOKED);
        for (RedcapEnvironment environment : RedcapEnvironment.values()) {
            HttpResponse<String> refused = call(environment, environment == PROD ? outsideProd : outsideQa);
            assertThat(refused.statusCode()).as("a token unknown to this system, on " + environment).isEqualTo(403);
            assertThat(refused.body()).contains(REFUSED);
            assertThat(suspendedTime(issue, environment, "sam")).as("REDCap's own suspension").isNotNull();
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'REDCAP_ACCOUNT_SUSPENDED'"
                + " and details like ?", Long.class, "sam (event " + termination + "): %REDCap account suspended as of%"))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where subject = 'Offboarding of sam: 1 token(s) revoked'"
                + " and text_body like '%Their REDCap account: PROD: REDCap account suspended as of%'", Long.class)).isEqualTo(1);

        String rehire = events.record("sam", "HR_WEBHOOK", "back", OffboardingEvent.REHIRED, null, Instant.now());
        Jobs.runDue(management);

        for (RedcapEnvironment environment : RedcapEnvironment.values()) {
            assertThat(suspendedTime(issue, environment, "sam")).isNull();
            assertThat(call(environment, environment == PROD ? outsideProd : outsideQa).statusCode())
                    .as("the tokens this system never revoked work again").isEqualTo(200);
        }
        assertThat(registry.find(registered.id()).orElseThrow().state()).as("a revoked token stays revoked")
                .isEqualTo(TokenState.REVOKED);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'REDCAP_ACCOUNT_UNSUSPENDED'"
                + " and details like ?", Long.class, "sam rehired (event " + rehire + ")%lifted")).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where subject = ?", Long.class,
                "REDCap: sam rehired, account suspension lifted")).isEqualTo(1);
    }

    @Test
    void aSuspensionAnAdministratorMadeForOtherReasonsIsNeverLiftedByARehire() throws Exception {
        IssuedTokens issue = new IssuedTokens(context);
        String outside = madeInRedcapDirectly(issue, PROD, 103, "sid");
        issue.addProjectUser(QA, 201, "sid");
        issue.redcap(PROD).update("UPDATE redcap_user_information SET user_suspended_time = '2026-01-05 09:00:00'"
                + " WHERE username = 'sid'");

        events.record("sid", "HR_WEBHOOK", "left", OffboardingEvent.TERMINATED, null, null);
        Jobs.runDue(management);
        events.record("sid", "HR_WEBHOOK", "back", OffboardingEvent.REHIRED, null, Instant.now());
        Jobs.runDue(management);

        assertThat(suspendedTime(issue, PROD, "sid")).as("the administrator's suspension stays").isEqualTo("2026-01-05 09:00:00");
        assertThat(call(PROD, outside).statusCode()).isEqualTo(403);
        assertThat(suspendedTime(issue, QA, "sid")).as("QA: suspended by this system, lifted").isNull();
    }

    /** A token written into REDCap's table directly, as an administrator's tool or the Control Center would. */
    private static String madeInRedcapDirectly(IssuedTokens issue, RedcapEnvironment environment, long projectId,
            String username) {
        issue.addProjectUser(environment, projectId, username);
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        String value = HexFormat.of().withUpperCase().formatHex(bytes);
        issue.redcap(environment).update("UPDATE redcap_user_rights SET api_token = ?, api_export = 1"
                + " WHERE project_id = ? AND username = ?", value, projectId, username);
        return value;
    }

    private static String suspendedTime(IssuedTokens issue, RedcapEnvironment environment, String username) {
        return issue.redcap(environment).queryForObject("SELECT DATE_FORMAT(user_suspended_time, '%Y-%m-%d %H:%i:%s')"
                + " FROM redcap_user_information WHERE username = ?", String.class, username);
    }

    private HttpResponse<String> call(RedcapEnvironment environment, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(RealServers.baseUrl(context) + "/redcap-sim/"
                        + environment.name().toLowerCase() + "/api/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&content=version&format=json")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
