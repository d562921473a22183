package org.tokengov.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.testsupport.EngineRest.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.testsupport.RealServers;

/**
 * The tamper-evident audit chain on PostgreSQL, attacked as a DBA would: the append-only triggers disabled, then rows
 * changed, deleted and inserted with plain SQL. Verification must name the exact entry. Shares the context (and so the
 * database) of the other {@link RealServers} tests: every tampering is undone after each test, triggers back on, and
 * the chain is verified intact again, so the tests that follow find the trail as the app wrote it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = RealServers.class)
class AuditChainIT {

    static final String ACTOR = "chain-test";

    @Autowired ConfigurableApplicationContext context;
    @Autowired AuditTrail auditTrail;
    @Autowired JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    /** SQL that puts back what a test's DBA did, newest first. */
    final Deque<Runnable> undo = new ArrayDeque<>();

    @BeforeEach
    void serveHttp() {
        RealServers.serveHttpFrom(context);
    }

    @AfterEach
    void undoTheTampering() throws Exception {
        ClockUtil.reset();
        asDba(() -> {
            while (!undo.isEmpty()) {
                undo.pop().run();
            }
        });
        JsonNode verification = verify(null);
        assertThat(verification.get("ok").asBoolean()).as("the chain is intact again: %s", verification).isTrue();
    }

    @Test
    void entriesWrittenByTheAppAreSealedAndVerify() throws Exception {
        List<Long> ids = recordThree();

        JsonNode verification = verify(null);

        assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("firstBreak").isNull()).isTrue();
        assertThat(verification.get("entriesChecked").asLong()).isGreaterThanOrEqualTo(3);
        for (long id : ids) {
            assertThat(jdbc.queryForObject("select count(*) from audit_seal where entry_id = ?", Long.class, id)).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_event where mac is null", Long.class))
                .as("every entry the app wrote carries a MAC").isZero();
        long middleSeal = jdbc.queryForObject("select seal_seq from audit_seal where entry_id = ?", Long.class, ids.get(1));
        String storedHash = jdbc.queryForObject("select hash from audit_seal where seal_seq = ?", String.class, middleSeal);

        JsonNode atTheMiddle = verify(middleSeal).get("hashAt");

        assertThat(atTheMiddle.get("sealSeq").asLong()).isEqualTo(middleSeal);
        assertThat(atTheMiddle.get("hash").asText()).as("an anchored head is compared here").isEqualTo(storedHash.trim());
    }

    @Test
    void sealersRunningAtOnceTakeTurnsAndSealEachEntryOnce() throws Exception {
        String request = "chain-burst-" + UUID.randomUUID();
        for (int i = 0; i < 1200; i++) {
            auditTrail.record(ACTOR, AuditAction.REMINDER_SENT, request, null, "reminder " + i);
        }

        // Two administrators verify at once, each sealing first, as replicas' sealers would.
        List<CompletableFuture<HttpResponse<String>>> both = List.of(
                http.sendAsync(verifyRequest(), HttpResponse.BodyHandlers.ofString()),
                http.sendAsync(verifyRequest(), HttpResponse.BodyHandlers.ofString()));

        for (CompletableFuture<HttpResponse<String>> answer : both) {
            HttpResponse<String> response = answer.get(2, TimeUnit.MINUTES);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json(response).get("ok").asBoolean()).as(response.body()).isTrue();
        }
        assertThat(jdbc.queryForObject("""
                select count(distinct s.seal_seq) from audit_seal s join audit_event e on e.id = s.entry_id
                where e.request_id = ?""", Long.class, request)).isEqualTo(1200);
    }

    @Test
    void anEntryChangedByADbaIsReportedAsAlteredAtThatEntry() throws Exception {
        List<Long> ids = recordThree();
        assertThat(verify(null).get("ok").asBoolean()).isTrue();
        long changed = ids.get(1);
        String original = jdbc.queryForObject("select details from audit_event where id = ?", String.class, changed);

        asDba(() -> jdbc.update("update audit_event set details = 'approved by ada' where id = ?", changed));
        undo.push(() -> jdbc.update("update audit_event set details = ? where id = ?", original, changed));

        assertBreak(verify(null), "ALTERED", changed, "does not match its MAC");
    }

    @Test
    void anEntryDeletedByADbaIsReportedAsDeletedAtThatEntry() throws Exception {
        List<Long> ids = recordThree();
        assertThat(verify(null).get("ok").asBoolean()).isTrue();
        long deleted = ids.get(1);
        Map<String, Object> row = jdbc.queryForMap("select * from audit_event where id = ?", deleted);

        asDba(() -> jdbc.update("delete from audit_event where id = ?", deleted));
        undo.push(() -> jdbc.update("""
                insert into audit_event (id, occurred_at, actor, action, request_id, token_id, details, entry_uid, mac)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", row.get("id"), row.get("occurred_at"), row.get("actor"), row.get("action"),
                row.get("request_id"), row.get("token_id"), row.get("details"), row.get("entry_uid"), row.get("mac")));

        assertBreak(verify(null), "DELETED", deleted, "is gone");
    }

    @Test
    void aRowInsertedByADbaIsReportedAsInsertedAtThatRowAndNeverSealed() throws Exception {
        recordThree();
        assertThat(verify(null).get("ok").asBoolean()).isTrue();

        long forged = insertAsDba("""
                insert into audit_event (occurred_at, actor, action, details, entry_uid, mac)
                values (timestamp '2001-07-01 10:00:00', 'ada', 'RELEASE_DECIDED', 'APPROVED', ?, ?) returning id""",
                UUID.randomUUID().toString(), "ab".repeat(32));

        assertBreak(verify(null), "INSERTED", forged, "MAC does not verify");
        assertThat(jdbc.queryForObject("select count(*) from audit_seal where entry_id = ?", Long.class, forged))
                .as("the sealer left it out of the chain").isZero();
    }

    @Test
    void aCopyOfAnEntryInsertedByADbaIsReportedAtTheCopy() throws Exception {
        List<Long> ids = recordThree();
        assertThat(verify(null).get("ok").asBoolean()).isTrue();

        long copy = insertAsDba("""
                insert into audit_event (occurred_at, actor, action, request_id, token_id, details, entry_uid, mac)
                select occurred_at, actor, action, request_id, token_id, details, entry_uid, mac from audit_event where id = ?
                returning id""", ids.get(2));

        assertBreak(verify(null), "INSERTED", copy, "a copy of sealed entry " + ids.get(2));
    }

    @Test
    void theHeadOfADayIsTheNewestSealBeforeItsEndInUtc() throws Exception {
        recordThree();
        JsonNode head = verify(null).get("head");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        JsonNode ofToday = json(get("/api/audit/head?on=" + today, "ada"));

        assertThat(ofToday.get("on").asText()).isEqualTo(today.toString());
        assertThat(ofToday.get("zone").asText()).isEqualTo("UTC");
        assertThat(ofToday.get("dayOver").asBoolean()).isFalse();
        assertThat(ofToday.get("sealSeq").asLong()).isEqualTo(head.get("sealSeq").asLong());
        assertThat(ofToday.get("hash").asText()).isEqualTo(head.get("hash").asText());

        JsonNode beforeAnySeal = json(get("/api/audit/head?on=2000-01-01", "ada"));
        assertThat(beforeAnySeal.get("dayOver").asBoolean()).isTrue();
        assertThat(beforeAnySeal.get("sealSeq").asLong()).isZero();
        assertThat(beforeAnySeal.get("hash").asText()).isEqualTo("0".repeat(64));
    }

    @Test
    void onlyAdministratorsVerifyOrReadTheHead() throws Exception {
        for (String path : List.of("/api/audit/verify", "/api/audit/head?on=2026-06-30")) {
            HttpResponse<String> refused = get(path, "alice");
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(json(refused).get("error").asText()).startsWith("Only REDCap administrators");
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
        }
    }

    @Test
    void badDatesAndSealNumbersAreRefusedWithTheReason() throws Exception {
        assertRefused("/api/audit/head?on=30.06.2026", "on must be a date like 2026-06-30");
        assertRefused("/api/audit/head?on=2026-02-30", "on must be a date like 2026-06-30");
        assertRefused("/api/audit/head", "on is required");
        assertRefused("/api/audit/verify?at=latest", "at must be a seal number");
        assertRefused("/api/audit/verify?at=0", "at must be a seal number");
    }

    /** Three entries through the app, dated in 2001 so that they stand apart from the other tests' entries. */
    private List<Long> recordThree() {
        String request = "chain-" + UUID.randomUUID();
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2001-07-01T09:00:00.123456Z")));
        auditTrail.record(ACTOR, AuditAction.REQUEST_SUBMITTED, request, null, "submitted");
        auditTrail.record(ACTOR, AuditAction.RELEASE_DECIDED, request, null, "REJECTED by ada");
        auditTrail.record(ACTOR, AuditAction.REQUEST_CLOSED, request, null, "rejected");
        ClockUtil.reset();
        return jdbc.queryForList("select id from audit_event where request_id = ? order by id", Long.class, request);
    }

    private long insertAsDba(String sql, Object... args) throws Exception {
        long[] id = new long[1];
        asDba(() -> id[0] = jdbc.queryForObject(sql, Long.class, args));
        undo.push(() -> jdbc.update("delete from audit_event where id = ?", id[0]));
        return id[0];
    }

    /** What a DBA can do whatever the app says: switch the append-only triggers off, act, switch them on again. */
    private void asDba(Runnable sql) {
        jdbc.execute("alter table audit_event disable trigger all");
        try {
            sql.run();
        } finally {
            jdbc.execute("alter table audit_event enable trigger all");
        }
    }

    private void assertBreak(JsonNode verification, String kind, long entryId, String problem) {
        assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isFalse();
        JsonNode found = verification.get("firstBreak");
        assertThat(found.get("kind").asText()).as(verification.toString()).isEqualTo(kind);
        assertThat(found.get("entryId").asLong()).as(verification.toString()).isEqualTo(entryId);
        assertThat(found.get("problem").asText()).contains(problem);
    }

    private HttpRequest verifyRequest() {
        return HttpRequest.newBuilder(URI.create(RealServers.baseUrl(context) + "/api/audit/verify"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("ada:demo".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
    }

    private JsonNode verify(Long at) throws Exception {
        HttpResponse<String> response = get("/api/audit/verify" + (at == null ? "" : "?at=" + at), "ada");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private void assertRefused(String path, String message) throws Exception {
        HttpResponse<String> response = get(path, "ada");
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).contains(message);
    }

    private HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RealServers.baseUrl(context) + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
