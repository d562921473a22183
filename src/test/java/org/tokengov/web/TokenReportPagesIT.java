package org.tokengov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * The dashboard's reports about a token over HTTP, as a browser sends them: a confirmation page, then a form post that
 * must carry the session's form token; who may report what, and bad reasons. Each test on a project of its own, in the
 * context of {@link TokenRegistryApiIT} (the same reports through the API).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TokenRegistryApiIT.OwnServers.class)
class TokenReportPagesIT {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired ConfigurableApplicationContext context;
    @Autowired ManagementService management;
    @Autowired TokenRegistry registry;
    @Autowired JdbcTemplate jdbc;

    SimulatorHttp simulator;

    @BeforeEach
    void serveHttp() {
        RealServers.serveHttpFrom(context);
        simulator = new SimulatorHttp(RealServers.baseUrl(context));
    }

    @Test
    void theHolderConfirmsACompromiseAndTheOldValueStopsWorking() throws Exception {
        IssuedToken token = new IssuedTokens(context).issue("alice", RedcapEnvironment.QA, 7301);
        String before = simulator.tokenOf("qa", "alice", 7301);
        Browser alice = new Browser("alice");
        String path = "/dashboard/tokens/" + token.id() + "/compromised";

        assertThat(alice.get("/dashboard").body()).as("the table offers the holder's reports")
                .contains(path, "/dashboard/tokens/" + token.id() + "/code-change")
                .doesNotContain("/dashboard/tokens/" + token.id() + "/suspension");
        HttpResponse<String> confirmation = alice.get(path);
        assertThat(confirmation.statusCode()).isEqualTo(200);
        assertThat(confirmation.body()).contains("REDCap gives the token a new value now", "alice", "7301", "Confirm", "Cancel")
                .as("the state in words").contains(">Active in QA<").doesNotContain(">QA_ACTIVE<");

        assertThat(alice.post(path, null).statusCode()).as("no form token").isEqualTo(403);
        assertThat(alice.post(path, "not-the-token").statusCode()).as("a wrong form token").isEqualTo(403);
        assertThat(alice.post(path, "", "Origin", "https://evil.example.org").statusCode()).as("foreign origin").isEqualTo(403);
        Jobs.runDue(management);
        assertThat(simulator.tokenOf("qa", "alice", 7301)).as("nothing happened").isEqualTo(before);

        HttpResponse<String> done = alice.post(path, alice.formToken(confirmation));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Compromise reported");
        Jobs.runDue(management);
        assertThat(simulator.versionStatus("qa", before)).isEqualTo(403);
        assertThat(simulator.versionStatus("qa", simulator.tokenOf("qa", "alice", 7301))).isEqualTo(200);
    }

    @Test
    void aFormTokenOfAnotherSessionDoesNotCount() throws Exception {
        IssuedToken token = new IssuedTokens(context).issue("alice", RedcapEnvironment.QA, 7302);
        String path = "/dashboard/tokens/" + token.id() + "/no-longer-needed";
        String stolen = new Browser("alice").formToken(new Browser("alice").get(path));
        Browser other = new Browser("alice");
        other.get(path);

        assertThat(other.post(path, stolen).statusCode()).isEqualTo(403);
        Jobs.runDue(management);
        assertThat(registry.find(token.id()).orElseThrow().state().isLive()).isTrue();
    }

    @Test
    void anotherUsersTokenIsRefusedAndNotOffered() throws Exception {
        IssuedToken token = new IssuedTokens(context).issue("alice", RedcapEnvironment.QA, 7303);
        String before = simulator.tokenOf("qa", "alice", 7303);
        Browser bob = new Browser("bob");
        String path = "/dashboard/tokens/" + token.id() + "/compromised";

        HttpResponse<String> page = bob.get(path);
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("Only the holder or a REDCap administrator may do this.");
        String ownFormToken = bob.formToken(bob.get("/dashboard/tokens/"
                + new IssuedTokens(context).issue("bob", RedcapEnvironment.QA, 7303).id() + "/compromised"));
        assertThat(bob.post(path, ownFormToken).statusCode()).isEqualTo(403);
        assertThat(bob.post("/dashboard/tokens/" + token.id() + "/code-change", ownFormToken, "reason", "mine now")
                .statusCode()).isEqualTo(403);
        Jobs.runDue(management);
        assertThat(simulator.tokenOf("qa", "alice", 7303)).isEqualTo(before);
    }

    @Test
    void theProjectsPiReportsThatTheHolderLeftAndOthersMayNot() throws Exception {
        IssuedTokens issued = new IssuedTokens(context);
        IssuedToken token = issued.issue("alice", RedcapEnvironment.QA, 7304);
        issued.addProjectUser(RedcapEnvironment.QA, 7304, "pat");
        issued.redcap(RedcapEnvironment.QA).update(
                "UPDATE redcap_user_rights SET user_rights = 1 WHERE project_id = 7304 AND username = 'pat'");
        String path = "/dashboard/tokens/" + token.id() + "/left-project";

        Browser bob = new Browser("bob");
        assertThat(bob.get(path).statusCode()).as("not the PI").isEqualTo(403);
        Browser pat = new Browser("pat");
        assertThat(pat.get("/dashboard").body()).as("her dashboard's \"Tokens on your projects\" offers it")
                .contains(path);
        HttpResponse<String> confirmation = pat.get(path);
        assertThat(confirmation.statusCode()).isEqualTo(200);
        assertThat(confirmation.body()).contains("tokens for this project");

        HttpResponse<String> done = pat.post(path, pat.formToken(confirmation));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Offboarding started");
        assertThat(jdbc.queryForObject("select count(*) from offboarding_event where username = 'alice' and source = "
                + "'PI_REPORT' and project_id = 7304 and reason = 'reported by pat'", Integer.class)).isEqualTo(1);
        Jobs.runDue(management);
        assertThat(registry.find(token.id()).orElseThrow().state()).isEqualTo(TokenState.REVOKED);
        assertThat(pat.get(path).statusCode()).as("no longer live").isEqualTo(409);
    }

    @Test
    void anAdministratorSuspendsWithAReasonAndNobodyElseMay() throws Exception {
        IssuedToken token = new IssuedTokens(context).issue("bob", RedcapEnvironment.QA, 7305);
        String path = "/dashboard/tokens/" + token.id() + "/suspension";

        Browser bob = new Browser("bob");
        assertThat(bob.get(path).statusCode()).isEqualTo(403);
        String bobsFormToken = bob.formToken(bob.get("/dashboard/tokens/" + token.id() + "/compromised"));
        HttpResponse<String> bySelf = bob.post(path, bobsFormToken, "reason", "I want a break");
        assertThat(bySelf.statusCode()).isEqualTo(403);
        assertThat(bySelf.body()).contains("Only REDCap administrators suspend tokens.");

        Browser ada = new Browser("ada");
        assertThat(ada.get("/dashboard").body()).contains(path);
        HttpResponse<String> confirmation = ada.get(path);
        assertThat(confirmation.body()).contains("<label for=\"reason\">Reason for the suspension</label>");
        String formToken = ada.formToken(confirmation);
        HttpResponse<String> empty = ada.post(path, formToken, "reason", "  ");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Give the reason for the suspension: 1 to 2000 characters");
        HttpResponse<String> oversized = ada.post(path, formToken, "reason", "x".repeat(2001));
        assertThat(oversized.statusCode()).isEqualTo(400);
        assertThat(ada.post(path, formToken, "reason", "two\nlines").statusCode()).isEqualTo(400);
        Jobs.runDue(management);
        assertThat(registry.find(token.id()).orElseThrow().state()).as("nothing yet").isNotEqualTo(TokenState.SUSPENDED);

        HttpResponse<String> done = ada.post(path, formToken, "reason", "Full exports every 5 s at noon");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Suspension requested");
        Jobs.runDue(management);
        assertThat(registry.find(token.id()).orElseThrow().state()).isEqualTo(TokenState.SUSPENDED);
        assertThat(ada.post(path, formToken, "reason", "again").statusCode()).as("already suspended").isEqualTo(409);
    }

    @Test
    void anUnknownActionOrTokenAndAnonymousVisitorsAreRefused() throws Exception {
        IssuedToken token = new IssuedTokens(context).issue("alice", RedcapEnvironment.QA, 7306);
        Browser alice = new Browser("alice");
        assertThat(alice.get("/dashboard/tokens/" + token.id() + "/delete-everything").statusCode()).isEqualTo(404);
        assertThat(alice.get("/dashboard/tokens/no-such-token/compromised").statusCode()).isEqualTo(404);
        Browser nobody = new Browser(null);
        assertThat(nobody.post("/dashboard/tokens/" + token.id() + "/compromised", "x").statusCode()).isEqualTo(403);
        HttpResponse<String> get = nobody.get("/dashboard/tokens/" + token.id() + "/compromised");
        assertThat(get.statusCode()).as("sent to the login page").isEqualTo(302);
    }

    /** A browser of one person: their session cookie, their Basic credentials (the dashboard takes both). */
    private final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private final String user;

        Browser(String user) {
            this.user = user;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        /** A form post; {@code formToken} null leaves the field out; then field, value, … */
        HttpResponse<String> post(String path, String formToken, String... more) throws IOException, InterruptedException {
            StringBuilder form = new StringBuilder(formToken == null ? "" : "_csrf=" + encode(formToken));
            HttpRequest.Builder request = request(path).header("Content-Type", "application/x-www-form-urlencoded");
            for (int i = 0; i < more.length; i += 2) {
                if ("Origin".equals(more[i])) {
                    request.header("Origin", more[i + 1]);
                } else {
                    form.append('&').append(more[i]).append('=').append(encode(more[i + 1]));
                }
            }
            return http.send(request.POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        String formToken(HttpResponse<String> page) {
            Matcher matcher = FORM_TOKEN.matcher(page.body());
            assertThat(matcher.find()).as("a form token on the page").isTrue();
            return matcher.group(1);
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RealServers.baseUrl(context) + path));
            if (user != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
            }
            return request;
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
