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
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
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
 * Evidence for auditors over HTTP on PostgreSQL: the audit trail of a range as JSON and CSV, and offboarding reports,
 * for REDCap administrators only. Entries and events are dated in 2001, so nothing the app does meanwhile falls into
 * the ranges asked for. Logs in as ada (administrator) and alice, always with the right password.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = AuditApiIT.OwnServers.class)
class AuditApiIT {

    /** A context of its own: these tests fill the audit trail and the offboarding tables with dated rows. */
    static class OwnServers extends RealServers {
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired AuditTrail auditTrail;
    @Autowired JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void serveHttp() {
        RealServers.serveHttpFrom(context);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void administratorsGetTheEntriesOfTheRangeAsJsonAndAsCsv() throws Exception {
        recordAt("2001-03-09T23:59:59Z", "just before the range");
        recordAt("2001-03-10T00:00:00Z", "=HYPERLINK(\"http://evil.example\",\"open\"), said the requester");
        recordAt("2001-03-10T12:00:00Z", "line one\nline two");
        recordAt("2001-03-11T00:00:00Z", "at the exclusive end");

        HttpResponse<String> asJson = get("/api/audit?from=2001-03-10&to=2001-03-11", "ada");
        assertThat(asJson.statusCode()).as(asJson.body()).isEqualTo(200);
        JsonNode entries = json(asJson);
        assertThat(texts(entries, "details")).containsExactly(
                "=HYPERLINK(\"http://evil.example\",\"open\"), said the requester", "line one\nline two");
        JsonNode first = entries.get(0);
        assertThat(first.get("occurredAt").asText()).isEqualTo("2001-03-10T00:00:00Z");
        assertThat(first.get("actor").asText()).isEqualTo("auditor-test");
        assertThat(first.get("action").asText()).isEqualTo("TOKEN_REVOKED");
        assertThat(first.get("requestId").asText()).isEqualTo("req-1");
        assertThat(first.get("tokenId").isNull()).isTrue();
        long firstId = first.get("id").asLong();
        assertThat(entries.get(1).get("id").asLong()).isGreaterThan(firstId);

        HttpResponse<String> asCsv = get("/api/audit?from=2001-03-10T00:00:00Z&to=2001-03-11T00:00:00Z&format=csv", "ada");
        assertThat(asCsv.statusCode()).as(asCsv.body()).isEqualTo(200);
        assertThat(asCsv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(asCsv.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"audit-2001-03-10-2001-03-11.csv\"");
        assertThat(asCsv.body()).isEqualTo("id,occurredAt,actor,action,requestId,tokenId,details\r\n"
                + firstId + ",2001-03-10T00:00:00Z,auditor-test,TOKEN_REVOKED,req-1,,"
                + "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"open\"\"), said the requester\"\r\n"
                + entries.get(1).get("id").asLong() + ",2001-03-10T12:00:00Z,auditor-test,TOKEN_REVOKED,req-1,,"
                + "\"line one\nline two\"\r\n");
    }

    @Test
    void onlyAdministratorsAndOnlyAuthenticated() throws Exception {
        for (String path : List.of("/api/audit?from=2001-01-01&to=2001-02-01", "/api/offboardings?from=2001-01-01&to=2001-02-01",
                "/api/offboardings/" + UUID.randomUUID())) {
            HttpResponse<String> refused = get(path, "alice");
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(json(refused).get("error").asText()).startsWith("Only REDCap administrators");
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
        }
    }

    @Test
    void badRangesAndFormatsAreRefusedWithTheReason() throws Exception {
        assertRefused("/api/audit?from=2001-01-01", "to is required");
        assertRefused("/api/audit?from=last+week&to=2001-01-01", "from must be an ISO-8601 instant");
        assertRefused("/api/audit?from=2001-02-01&to=2001-01-01", "from must be before to");
        assertRefused("/api/audit?from=2001-01-01&to=2002-01-03", "more than 366 days");
        assertRefused("/api/audit?from=2001-01-01&to=2001-02-01&format=xml", "format must be json or csv");
        assertRefused("/api/offboardings?to=2001-01-01", "from is required");
        assertRefused("/api/offboardings?from=2001-01-01&to=2002-01-03", "more than 366 days");

        assertThat(get("/api/audit?from=2003-01-01&to=2004-01-02&format=CSV", "ada").statusCode())
                .as("366 days is allowed").isEqualTo(200);
    }

    @Test
    void aRangeWithTooManyEntriesIsRefusedRatherThanCut() throws Exception {
        jdbc.update("""
                insert into audit_event (occurred_at, actor, action, details)
                select timestamp '2001-06-01 12:00:00' + n * interval '1 millisecond', 'bulk-test', 'REMINDER_SENT', 'bulk'
                from generate_series(1, ?) as n""", AuditController.MAX_ROWS + 1);

        assertRefused("/api/audit?from=2001-06-01&to=2001-06-02", "More than 100000 audit entries in this range: narrow it.");
    }

    @Test
    void anOffboardingReportShowsEveryRevokedTokenAndTheTimeToFullRevocation() throws Exception {
        Instant received = Instant.parse("2001-04-02T08:00:00Z");
        String id = offboardingEvent("leaver-1", received);
        revocation(id, "tok-prod", "PROD", 101, received.plusSeconds(150));
        revocation(id, "tok-qa", "QA", 201, received.plusSeconds(90));

        HttpResponse<String> response = get("/api/offboardings/" + id, "ada");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = json(response);
        assertThat(report.get("id").asText()).isEqualTo(id);
        assertThat(report.get("username").asText()).isEqualTo("leaver-1");
        assertThat(report.get("source").asText()).isEqualTo("hr-webhook");
        assertThat(report.get("type").asText()).isEqualTo("person.terminated");
        assertThat(report.get("projectId").isNull()).isTrue();
        assertThat(report.get("reason").asText()).isEqualTo("Contract ended");
        assertThat(report.get("receivedAt").asText()).isEqualTo("2001-04-02T08:00:00Z");
        assertThat(report.get("effectiveAt").asText()).isEqualTo("2001-04-02T08:00:00Z");
        assertThat(report.get("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(report.get("outcomeDetails").asText()).isEqualTo("2 tokens revoked");
        assertThat(report.get("completedAt").asText()).isEqualTo("2001-04-02T08:03:00Z");
        assertThat(report.get("secondsToFullRevocation").asLong()).isEqualTo(150);
        JsonNode revocations = report.get("revocations");
        assertThat(texts(revocations, "tokenId")).containsExactly("tok-prod", "tok-qa");
        assertThat(revocations.get(0).get("environment").asText()).isEqualTo("PROD");
        assertThat(revocations.get(0).get("projectId").asLong()).isEqualTo(101);
        assertThat(revocations.get(0).get("revokedAt").asText()).isEqualTo("2001-04-02T08:02:30Z");

        HttpResponse<String> unknown = get("/api/offboardings/" + UUID.randomUUID(), "ada");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("error").asText()).startsWith("No offboarding event");
    }

    @Test
    void theListShowsTheEventsReceivedInTheRangeWithTheirSummary() throws Exception {
        Instant day = Instant.parse("2001-05-01T00:00:00Z");
        String before = offboardingEvent("leaver-before", day.minusSeconds(1));
        String done = offboardingEvent("leaver-done", day.plusSeconds(3600));
        revocation(done, "tok-done", "PROD", 101, day.plusSeconds(3600 + 42));
        String pending = offboardingEvent("leaver-pending", day.plusSeconds(7200));
        revocation(pending, "tok-revoked", "PROD", 101, day.plusSeconds(7200 + 10));
        revocation(pending, "tok-pending", "QA", 201, null);
        String nothingToRevoke = offboardingEvent("leaver-without-tokens", day.plusSeconds(10800));
        offboardingEvent("leaver-after", day.plusSeconds(86400));
        revocation(before, "tok-before", "PROD", 101, day);

        JsonNode events = json(get("/api/offboardings?from=2001-05-01&to=2001-05-02", "ada"));

        assertThat(texts(events, "id")).containsExactly(done, pending, nothingToRevoke);
        assertThat(events.get(0).get("username").asText()).isEqualTo("leaver-done");
        assertThat(events.get(0).get("tokens").asInt()).isEqualTo(1);
        assertThat(events.get(0).get("secondsToFullRevocation").asLong()).isEqualTo(42);
        assertThat(events.get(1).get("tokens").asInt()).isEqualTo(2);
        assertThat(events.get(1).get("secondsToFullRevocation").isNull()).as("a revocation is pending").isTrue();
        assertThat(events.get(2).get("tokens").asInt()).isZero();
        assertThat(events.get(2).get("secondsToFullRevocation").isNull()).isTrue();
        assertThat(events.get(0).has("revocations")).as("the list is a summary").isFalse();
    }

    private void recordAt(String moment, String details) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(moment)));
        auditTrail.record("auditor-test", AuditAction.TOKEN_REVOKED, "req-1", null, details);
        ClockUtil.reset();
    }

    /** Straight into the table: recording through OffboardingEvents would start the offboarding process. */
    private String offboardingEvent(String username, Instant received) {
        String id = UUID.randomUUID().toString();
        jdbc.update("""
                insert into offboarding_event (id, username, source, reason, received_at, event_type, project_id, effective_at,
                    outcome, outcome_details, completed_at)
                values (?, ?, 'hr-webhook', 'Contract ended', ?, 'person.terminated', null, ?, 'COMPLETED', '2 tokens revoked', ?)""",
                id, username, Timestamp.from(received), Timestamp.from(received), Timestamp.from(received.plusSeconds(180)));
        return id;
    }

    private void revocation(String eventId, String tokenId, String environment, long projectId, Instant revokedAt) {
        jdbc.update("insert into offboarding_revocation (event_id, token_id, environment, project_id, revoked_at) values (?, ?, ?, ?, ?)",
                eventId, tokenId, environment, projectId, revokedAt == null ? null : Timestamp.from(revokedAt));
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

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.get(field).asText()).toList();
    }
}
