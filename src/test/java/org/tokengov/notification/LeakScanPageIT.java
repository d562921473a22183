package org.tokengov.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tokengov.redcap.RedcapEnvironment.QA;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.leaks.Archives;
import org.tokengov.notification.MailCatcher.Mail;
import org.tokengov.registry.IssuedToken;
import org.tokengov.testsupport.CapturedLogs;
import org.tokengov.testsupport.CodeReviews;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * The leak scan's page ({@code /leaks/scan}) over HTTP with a browser's webapp session against the simulator: a
 * reviewer's upload linked to the request replaces the live token it held and blocks the approval; the answer is counts
 * in words, never whose; the requester cannot link (and so clear) their own request's scan; anonymous visitors,
 * cross-site posts and over-limit uploads are refused with nothing scanned; pasted text is neither logged nor echoed.
 */
@ContextConfiguration(initializers = LeakScanPageIT.OwnServers.class)
class LeakScanPageIT extends MailITBase {

    /** A context of its own, with small limits to reach them: the scan's above the general one, as by default. */
    static class OwnServers extends RealServers {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues.of("tokengov.web.max-scan-upload-size=200KB", "tokengov.web.max-body-size=100KB")
                    .applyTo(context);
        }
    }

    static final String UNKNOWN_HEX = "0123456789ABCDEF0123456789ABCDEF";

    SimulatorHttp simulator;
    String app;
    CapturedLogs logs;

    @BeforeEach
    void serveHttp() {
        RealServers.serveHttpFrom(context);
        app = RealServers.baseUrl(context);
        simulator = new SimulatorHttp(app);
        // Not the simulator's: its test-only token page hands the test each value.
        logs = CapturedLogs.atDebug("org.tokengov.dashboard", "org.tokengov.leaks", "org.tokengov.web",
                "org.springframework.web.servlet.DispatcherServlet", "org.springframework.web.multipart");
        rememberTokensInRedcap();
    }

    @AfterEach
    void noTokenInMailsOrLogs() {
        logs.close();
        received.addAll(smtp.all());
        List<Mail> everything = withOutbox(received);
        if (!everything.isEmpty()) {
            MailCatcher.assertNoTokenAndNoUnescapedHtml(everything, tokens);
        }
        String logged = String.join("\n", logs.lines());
        tokens.forEach(token -> assertThat(logged).as("no token value in the logs").doesNotContain(token));
        assertThat(logged).as("no pasted value in the logs").doesNotContain(UNKNOWN_HEX);
    }

    @Test
    void aReviewersUploadWithALiveTokenReplacesItAndBlocksTheApproval() throws Exception {
        ProcessInstance request = people.requestUntilQaToken("alice");
        rememberTokensInRedcap();
        testedInQa("alice", request);
        String number = requests.find(request.getId()).orElseThrow().number();
        IssuedToken qaToken = registry.liveToken("alice", QA, 201).orElseThrow();
        String value = simulator.tokenOf("qa", "alice", 201);
        Task review = task(request, "Task_ReviewCode");
        assertThat(tasks.getVariableLocal(review.getId(), "leakScanLink")).as("the task's link to this page")
                .isEqualTo("/leaks/scan?request=" + number);
        Browser sam = Browser.loggedIn(app, "sam");

        HttpResponse<String> page = sam.get("/leaks/scan?request=" + number);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(number, "32 or 64 hexadecimal", "Nothing is stored", "enctype=\"multipart/form-data\"",
                "name=\"file\"", "name=\"text\"", "200 KB");

        Map<String, String> repository = new LinkedHashMap<>();
        repository.put("README.md", "# Sync\n");
        repository.put("sync/config.ini", "[redcap]\ntoken = " + value + "\n");
        HttpResponse<String> scan = sam.post("/leaks/scan", Form.of("request", number).file("repo.zip",
                Archives.zip(repository)));

        assertThat(scan.statusCode()).isEqualTo(200);
        assertThat(scan.body()).contains("1 live token(s) found and being replaced; their holders are told where.",
                "2 files read.", "cannot be approved while this is the latest scan");
        assertThat(scan.body()).as("never whose or which").doesNotContain("alice", value, qaToken.id());
        assertThatThrownBy(() -> people.complete("sam", List.of("api-specialists"), review, CodeReviews.approved()))
                .hasMessageContaining("held 1 live token(s), now being replaced");

        runLifecycleJobs(qaToken);
        rememberTokensInRedcap();
        assertThat(simulator.versionStatus("qa", value)).as("the leaked value").isEqualTo(403);
        assertThat(simulator.versionStatus("qa", simulator.tokenOf("qa", "alice", 201))).as("the new value").isEqualTo(200);
        assertThat(MailCatcher.withSubject(sent(), LeakScanMailIT.FOUND_SUBJECT).to()).containsExactly("alice@example.org");

        HttpResponse<String> clean = sam.post("/leaks/scan", Form.of("request", request.getId()).file("repo.zip",
                Archives.zip(repository)));
        assertThat(clean.body()).contains("No live token found.", "lets the code review be approved");
        people.complete("sam", List.of("api-specialists"), review, CodeReviews.approved());
        assertThat(task(request, "Task_ApproveRelease")).isNotNull();
    }

    @Test
    void pastedTextWithAnUnknownValueFindsNothingAndIsNeitherEchoedNorKept() throws Exception {
        Browser bob = Browser.loggedIn(app, "bob");
        long scansBefore = scans();

        HttpResponse<String> scan = bob.post("/leaks/scan", Form.of("text", "md5 = \"" + UNKNOWN_HEX + "\"\n"));

        assertThat(scan.statusCode()).isEqualTo(200);
        assertThat(scan.body()).contains("No live token found.", "1 file read.").doesNotContain(UNKNOWN_HEX);
        assertThat(scans()).as("anyone logged in scans without a request").isEqualTo(scansBefore + 1);
        assertThat(sent()).isEmpty();
    }

    @Test
    void theRequesterCannotLinkAScanToTheirOwnRequestNorCanAnotherRequester() throws Exception {
        ProcessInstance request = people.requestUntilQaToken("rita");
        rememberTokensInRedcap();
        testedInQa("rita", request);
        String number = requests.find(request.getId()).orElseThrow().number();
        String value = simulator.tokenOf("qa", "rita", 201);
        byte[] config = ("token=" + value).getBytes(StandardCharsets.UTF_8);
        long scansBefore = scans();

        HttpResponse<String> own = Browser.loggedIn(app, "rita").post("/leaks/scan", Form.of("request", number)
                .file("config.ini", config));
        HttpResponse<String> requester = Browser.loggedIn(app, "alice").post("/leaks/scan", Form.of("request", number)
                .file("config.ini", config));
        HttpResponse<String> unknown = Browser.loggedIn(app, "sam").post("/leaks/scan", Form.of("request", "REQ-1999-0001")
                .file("config.ini", config));
        HttpResponse<String> malformed = Browser.loggedIn(app, "sam").post("/leaks/scan", Form.of("request", "REQ;1")
                .file("config.ini", config));

        assertThat(own.statusCode()).as("rita reviews code, but not her own request's").isEqualTo(403);
        assertThat(own.body()).contains("The code of your own request is scanned by its reviewer");
        assertThat(requester.statusCode()).isEqualTo(403);
        assertThat(requester.body()).contains("Only API specialists and REDCap administrators");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(scans()).as("nothing was scanned").isEqualTo(scansBefore);
        assertThat(simulator.versionStatus("qa", value)).isEqualTo(200);
    }

    @Test
    void badUploadsAreRefusedOnThePageWithNothingScanned() throws Exception {
        issue("eve", QA, 201);
        String value = simulator.tokenOf("qa", "eve", 201);
        Browser sam = Browser.loggedIn(app, "sam");
        long scansBefore = scans();

        HttpResponse<String> nothing = sam.post("/leaks/scan", Form.of("text", "  "));
        HttpResponse<String> both = sam.post("/leaks/scan", Form.of("text", "x").file("a.txt", new byte[] {'y'}));
        HttpResponse<String> broken = sam.post("/leaks/scan", Form.of("request", "").file("repo.zip",
                new byte[] {'P', 'K', 3, 4, 1, 2, 3}));
        byte[] large = new byte[300 * 1024];
        byte[] leak = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(leak, 0, large, 0, leak.length);
        HttpResponse<String> tooLarge = sam.post("/leaks/scan", Form.of("text", "").file("big.txt", large));
        HttpResponse<String> aboveTheGeneralLimit = sam.post("/leaks/scan", Form.of("text", "").file("big.txt",
                new byte[150 * 1024]));
        HttpResponse<String> anonymousAboveTheGeneralLimit = Browser.anonymous(app).post("/leaks/scan", Form.of("text", "")
                .file("big.txt", new byte[150 * 1024]));
        HttpResponse<String> crossSite = sam.post("/leaks/scan", Form.of("text", "TOKEN=" + value),
                "https://evil.example.org");

        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body()).contains("Choose a file or paste the code to scan.");
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(both.body()).contains("not both");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("broken archive");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(tooLarge.body()).contains("tokengov.web.max-scan-upload-size", "Nothing was scanned");
        assertThat(aboveTheGeneralLimit.statusCode()).as("the scan's limit for a logged-in browser").isEqualTo(200);
        assertThat(aboveTheGeneralLimit.body()).contains("No live token found.");
        assertThat(anonymousAboveTheGeneralLimit.statusCode()).isEqualTo(413);
        assertThat(anonymousAboveTheGeneralLimit.body()).contains("tokengov.web.max-body-size");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.body()).contains("Cross-site request refused");
        assertThat(scans()).as("only the clean upload").isEqualTo(scansBefore + 1);
        assertThat(simulator.versionStatus("qa", value)).as("nothing was reported").isEqualTo(200);
        assertThat(sent()).isEmpty();
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginAndScanNothing() throws Exception {
        issue("erin", QA, 201);
        String value = simulator.tokenOf("qa", "erin", 201);
        Browser anonymous = Browser.anonymous(app);
        long scansBefore = scans();

        HttpResponse<String> page = anonymous.get("/leaks/scan?request=REQ-2026-0001");
        HttpResponse<String> post = anonymous.post("/leaks/scan", Form.of("text", "TOKEN=" + value));

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow())
                .contains("/camunda/app/welcome/default/?next=%2Fleaks%2Fscan%3Frequest%3DREQ-2026-0001");
        assertThat(post.statusCode()).isEqualTo(302);
        assertThat(scans()).isEqualTo(scansBefore);
        assertThat(simulator.versionStatus("qa", value)).isEqualTo(200);
    }

    private long scans() {
        return jdbc.queryForObject("select count(*) from leak_scan", Long.class);
    }

    /** A multipart form as a browser sends it: text fields and files. */
    record Form(List<String[]> fields, List<Object[]> files) {

        static Form of(String name, String value) {
            Form form = new Form(new ArrayList<>(), new ArrayList<>());
            form.fields.add(new String[] {name, value});
            return form;
        }

        Form file(String fileName, byte[] content) {
            files.add(new Object[] {fileName, content});
            return this;
        }

        byte[] body(String boundary) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (String[] field : fields) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                        + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            for (Object[] file : files) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file[0]
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write((byte[]) file[1]);
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return body.toByteArray();
        }
    }

    /** A browser with Camunda's webapp session (logged in as Tasklist's login page does), sending its own Origin. */
    static final class Browser {

        private final String app;
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient http;

        private Browser(String app) {
            this.app = app;
            this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5)).build();
        }

        static Browser anonymous(String app) {
            return new Browser(app);
        }

        static Browser loggedIn(String app, String username) throws Exception {
            Browser browser = new Browser(app);
            browser.get("/camunda/app/tasklist/default/");
            String xsrf = browser.cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst()
                    .orElseThrow();
            HttpResponse<String> login = browser.http.send(HttpRequest.newBuilder(URI.create(app
                            + "/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                            + "&password=demo")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as("login of " + username).isEqualTo(200);
            return browser;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(app + path)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Form form) throws Exception {
            return post(path, form, URI.create(app).getScheme() + "://" + URI.create(app).getAuthority());
        }

        HttpResponse<String> post(String path, Form form, String origin) throws Exception {
            String boundary = "----browser-form-boundary-7MA4YWxkTrZu0gW";
            return http.send(HttpRequest.newBuilder(URI.create(app + path)).header("Accept", "text/html")
                    .header("Origin", origin).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(form.body(boundary))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
