package org.tokengov.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tokengov.notification.MailCatcher.withSubject;
import static org.tokengov.redcap.RedcapEnvironment.QA;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.audit.AuditAction;
import org.tokengov.leaks.Archives;
import org.tokengov.lifecycle.RevocationReason;
import org.tokengov.lifecycle.TokenLifecycles;
import org.tokengov.notification.MailCatcher.Mail;
import org.tokengov.registry.IssuedToken;
import org.tokengov.testsupport.CodeReviews;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * {@code POST /api/leaks/scan} over HTTP against the simulator: a live token in an uploaded repository answers 403
 * afterwards and a new value works, its holder is told where it was; revoked and unknown values change nothing; the
 * scanner learns counts, never whose; an upload that cannot be read whole reports nothing.
 */
@ContextConfiguration(initializers = LeakScanMailIT.OwnServers.class)
class LeakScanMailIT extends MailITBase {

    /** A context of its own, with small limits to reach them. */
    static class OwnServers extends RealServers {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues.of("tokengov.leaks.max-files=20", "tokengov.leaks.max-unpacked-size=1MB",
                    "tokengov.web.max-scan-upload-size=200KB").applyTo(context);
        }
    }

    static final String FOUND_SUBJECT = "Your REDCap API token on project 201 was found in code and is being replaced";

    final HttpClient http = HttpClient.newHttpClient();
    SimulatorHttp simulator;

    @BeforeEach
    void serveHttp() {
        RealServers.serveHttpFrom(context);
        simulator = new SimulatorHttp(RealServers.baseUrl(context));
    }

    /** Some tests send no mail: every mail there is, received or queued, holds no token. */
    @AfterEach
    void noTokenAndNoUnescapedHtml() {
        received.addAll(smtp.all());
        List<Mail> everything = withOutbox(received);
        if (!everything.isEmpty()) {
            MailCatcher.assertNoTokenAndNoUnescapedHtml(everything, tokens);
        }
    }

    @Test
    void aLiveTokenInAZippedRepositoryIsReplacedAndItsHolderToldWhereItWas() throws Exception {
        IssuedToken token = issue("erin", QA, 201);
        String value = simulator.tokenOf("qa", "erin", 201);
        Map<String, String> repository = new LinkedHashMap<>();
        repository.put("README.md", "# Nightly export of the AE form\n");
        repository.put("src/export.py", "import requests\n\n# TODO move to the vault\nTOKEN = \"" + value + "\"\n");

        HttpResponse<String> scan = scan("alice", Archives.zip(repository), "application/zip");

        assertThat(scan.statusCode()).isEqualTo(200);
        JsonNode result = new ObjectMapper().readTree(scan.body());
        assertThat(result.get("filesScanned").asInt()).isEqualTo(2);
        assertThat(result.get("liveTokensFound").asInt()).isEqualTo(1);
        assertThat(result.get("beingRegenerated").asInt()).isEqualTo(1);
        assertThat(scan.body()).as("never whose").doesNotContain("erin", token.id(), value);

        runLifecycleJobs(token);
        rememberTokensInRedcap();
        assertThat(simulator.versionStatus("qa", value)).as("the leaked value").isEqualTo(403);
        assertThat(simulator.versionStatus("qa", simulator.tokenOf("qa", "erin", 201))).as("the new value").isEqualTo(200);

        List<Mail> mails = sent();
        Mail found = withSubject(mails, FOUND_SUBJECT);
        assertThat(found.to()).containsExactly("erin@example.org");
        assertThat(found.text()).contains("src/export.py:4", "alice", "environment variable or a secret store");
        assertThat(mails).extracting(Mail::subject).contains("Your REDCap API token was regenerated");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = ? and token_id = ?", Long.class,
                AuditAction.TOKEN_FOUND_IN_UPLOAD.name(), token.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = ? and actor = 'alice'", Long.class,
                AuditAction.LEAK_SCANNED.name())).isEqualTo(1);
    }

    @Test
    void aSecondSightingWhileTheTokenIsBeingReplacedOpensNoSecondCase() throws Exception {
        IssuedToken token = issue("bob", QA, 201);
        String value = simulator.tokenOf("qa", "bob", 201);
        byte[] text = ("export REDCAP_TOKEN=" + value.toLowerCase(Locale.ROOT) + "\n").getBytes(StandardCharsets.UTF_8);

        JsonNode first = new ObjectMapper().readTree(scan("bob", text, "application/octet-stream").body());
        JsonNode second = new ObjectMapper().readTree(scan("rita", Archives.gzip(Archives.tar(Map.of("env.sh",
                new String(text, StandardCharsets.UTF_8)))), "application/gzip").body());

        assertThat(first.get("beingRegenerated").asInt()).as("a lower-case copy is the same token").isEqualTo(1);
        assertThat(second.get("liveTokensFound").asInt()).isEqualTo(1);
        assertThat(second.get("beingRegenerated").asInt()).isZero();
        assertThat(second.get("alreadyBeingReplaced").asInt()).isEqualTo(1);
        assertThat(sent()).filteredOn(mail -> mail.subject().equals(FOUND_SUBJECT)).hasSize(1);
        runLifecycleJobs(token);
        rememberTokensInRedcap();
        assertThat(simulator.versionStatus("qa", value)).isEqualTo(403);
    }

    @Test
    void revokedAndUnknownValuesChangeNothing() throws Exception {
        IssuedToken revoked = issue("sam", QA, 201);
        String revokedValue = simulator.tokenOf("qa", "sam", 201);
        context.getBean(TokenLifecycles.class).revoke(revoked.id(), RevocationReason.NO_LONGER_NEEDED, "sam");
        runLifecycleJobs(revoked);
        IssuedToken live = issue("rita", QA, 201);
        String liveValue = simulator.tokenOf("qa", "rita", 201);
        sendAndForget();

        HttpResponse<String> scan = scan("alice", Archives.tar(Map.of("old.env", "TOKEN=" + revokedValue + "\n",
                "random.txt", "md5 " + "0123456789ABCDEF0123456789ABCDEF" + "\n")), "application/x-tar");

        assertThat(scan.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(scan.body()).get("liveTokensFound").asInt()).isZero();
        assertThat(sent()).isEmpty();
        assertThat(simulator.versionStatus("qa", liveValue)).isEqualTo(200);
        assertThat(registry.find(live.id()).orElseThrow().fingerprint()).isEqualTo(live.fingerprint());
    }

    @Test
    void anUploadThatCannotBeReadWholeReportsNothing() throws Exception {
        issue("eve", QA, 201);
        String value = simulator.tokenOf("qa", "eve", 201);
        Map<String, String> tooMany = new LinkedHashMap<>();
        tooMany.put("a/first.py", "TOKEN = '" + value + "'\n");
        for (int i = 0; i < 20; i++) {
            tooMany.put("b/file" + i + ".txt", "nothing");
        }

        HttpResponse<String> manyFiles = scan("alice", Archives.zip(tooMany), "application/zip");
        HttpResponse<String> bomb = scan("alice", Archives.zip(Map.of("a.py", "TOKEN = '" + value + "'\n",
                "zeros", "0".repeat(2 * 1024 * 1024))), "application/zip");
        HttpResponse<String> broken = scan("alice", new byte[] {'P', 'K', 3, 4, 1, 2, 3}, "application/zip");
        HttpResponse<String> empty = scan("alice", new byte[0], "application/octet-stream");
        HttpResponse<String> oversized = scan("alice", new byte[300 * 1024], "application/octet-stream");
        HttpResponse<String> asPlainText = scan("alice", ("TOKEN=" + value).getBytes(StandardCharsets.UTF_8), "text/plain");
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(RealServers.baseUrl(context)
                        + "/api/leaks/scan")).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString("TOKEN=" + value)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(manyFiles.statusCode()).isEqualTo(400);
        assertThat(manyFiles.body()).contains("more than 20 files");
        assertThat(bomb.statusCode()).isEqualTo(400);
        assertThat(bomb.body()).contains("more than 1 MB");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("as the request body");
        assertThat(oversized.statusCode()).isEqualTo(413);
        assertThat(asPlainText.statusCode()).as("a type any web site's page may post here").isEqualTo(415);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(simulator.versionStatus("qa", value)).as("nothing was reported").isEqualTo(200);
        assertThat(sent()).isEmpty();
    }

    @Test
    void theCodeReviewIsNotApprovedWhileTheReviewersLatestScanHeldALiveToken() throws Exception {
        ProcessInstance request = people.requestUntilQaToken("alice");
        rememberTokensInRedcap();
        testedInQa("alice", request);
        String number = requests.find(request.getId()).orElseThrow().number();
        IssuedToken qaToken = registry.liveToken("alice", QA, 201).orElseThrow();
        byte[] repository = Archives.zip(Map.of("sync/config.ini", "[redcap]\ntoken = "
                + simulator.tokenOf("qa", "alice", 201) + "\n"));

        assertThat(scan("alice", "/api/leaks/scan?request=" + number, repository).statusCode())
                .as("the requester scans her own code without linking it").isEqualTo(403);
        assertThat(scan("bob", "/api/leaks/scan?request=" + number, repository).statusCode()).isEqualTo(403);
        assertThat(scan("sam", "/api/leaks/scan?request=REQ-1999-0001", repository).statusCode()).isEqualTo(404);
        assertThat(scan("sam", "/api/leaks/scan?request=REQ%3B1", repository).statusCode()).isEqualTo(400);
        HttpResponse<String> dirty = scan("sam", "/api/leaks/scan?request=" + number, repository);
        assertThat(new ObjectMapper().readTree(dirty.body()).get("liveTokensFound").asInt()).isEqualTo(1);

        Task review = task(request, "Task_ReviewCode");
        assertThatThrownBy(() -> people.complete("sam", List.of("api-specialists"), review, CodeReviews.approved()))
                .hasMessageContaining("held 1 live token(s), now being replaced");
        assertThat(task(request, "Task_ReviewCode").getId()).isEqualTo(review.getId());

        runLifecycleJobs(qaToken);
        rememberTokensInRedcap();
        HttpResponse<String> again = scan("sam", "/api/leaks/scan?request=" + request.getId(), repository);
        assertThat(new ObjectMapper().readTree(again.body()).get("liveTokensFound").asInt())
                .as("the value in the code no longer works").isZero();
        people.complete("sam", List.of("api-specialists"), review, CodeReviews.approved());
        assertThat(task(request, "Task_ApproveRelease")).isNotNull();
    }

    private HttpResponse<String> scan(String user, String path, byte[] zip) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(RealServers.baseUrl(context) + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> scan(String user, byte[] body, String contentType) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(RealServers.baseUrl(context) + "/api/leaks/scan"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
