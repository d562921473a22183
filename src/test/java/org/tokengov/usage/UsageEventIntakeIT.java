package org.tokengov.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.testsupport.HrWebhookClient;
import org.tokengov.testsupport.RealServers;

/**
 * The signed usage-event intake over real HTTP on PostgreSQL: an authentic delivery is stored as counts and flags
 * only, each call once however often it is sent; every refusal stores nothing of its delivery; and the rules read
 * filtered and full record exports back through {@link ReportedCalls}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = UsageEventIntakeIT.WithSecret.class)
class UsageEventIntakeIT {

    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(24));
    static final Instant AT = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));

    static class WithSecret extends RealServers {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues.of("tokengov.usage.intake-secret=" + SECRET).applyTo(context);
        }
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired JdbcTemplate jdbc;
    @Autowired ReportedCalls reportedCalls;

    HrWebhookClient sender() {
        return new HrWebhookClient(RealServers.baseUrl(context), UsageEventsController.PATH, SECRET);
    }

    static String call(String id, String username, Instant at, String content, String parameters) {
        return "{\"id\":\"" + id + "\",\"environment\":\"PROD\",\"projectId\":101,\"username\":\"" + username + "\","
                + "\"at\":\"" + at + "\",\"content\":\"" + content + "\",\"action\":\"export\"" + parameters + "}";
    }

    static String delivery(String... calls) {
        return "{\"calls\":[" + String.join(",", calls) + "]}";
    }

    int rowsOf(String username) {
        return jdbc.queryForObject("select count(*) from api_usage_call where username = ?", Integer.class, username);
    }

    @Test
    void anAuthenticDeliveryIsStoredAsCountsAndFlagsOnlyAndEachCallOnce() {
        String body = delivery(
                call("ui-1-full", "ui-alice", AT, "record", ",\"fields\":[\"age\",\"dob\"],\"forms\":[]"),
                call("ui-1-filtered", "ui-alice", AT.plusSeconds(60), "record",
                        ",\"records\":[\"1001\",\"1002\"],\"filterLogic\":\"[diagnosis] = 'rare disease'\","
                                + "\"dateRangeBegin\":\"2026-12-01 00:00:00\",\"fileField\":null"),
                call("ui-1-metadata", "ui-alice", AT.plusSeconds(120), "metadata", ""));

        HttpResponse<String> first = sender().deliver(body);
        HttpResponse<String> again = sender().deliver(body);
        HttpResponse<String> onePlus = sender().deliver(delivery(call("ui-1-full", "ui-alice", AT, "record", ""),
                call("ui-1-date", "ui-alice", AT.plusSeconds(180), "record", ",\"dateRangeEnd\":\"2026-12-06 23:59:59\"")));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(first.body()).isEqualTo("{\"received\":3,\"stored\":3}");
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).as("a call sent again is not counted twice").isEqualTo("{\"received\":3,\"stored\":0}");
        assertThat(onePlus.body()).isEqualTo("{\"received\":2,\"stored\":1}");
        assertThat(rowsOf("ui-alice")).isEqualTo(4);

        Map<String, Object> filtered = jdbc.queryForMap("select * from api_usage_call where sender_id = 'ui-1-filtered'");
        assertThat(filtered).containsEntry("environment", "PROD").containsEntry("project_id", 101L)
                .containsEntry("content", "record").containsEntry("action", "export").containsEntry("record_count", 2)
                .containsEntry("field_count", 0).containsEntry("has_filter_logic", true)
                .containsEntry("has_date_range", true).containsEntry("has_file_field", false);
        assertThat(filtered.values()).as("no record name, field name, filter text or date is kept")
                .noneMatch(value -> String.valueOf(value).contains("1001") || String.valueOf(value).contains("rare")
                        || String.valueOf(value).contains("2026-12-01"));
        assertThat(jdbc.queryForObject("select field_count from api_usage_call where sender_id = 'ui-1-full'", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void theRulesReadFilteredAndFullRecordExportsOfOneTokenInAWindow() {
        Instant at = AT.minus(Duration.ofDays(1));
        assertThat(sender().deliver(delivery(
                call("ui-2-a", "ui-bob", at, "record", ""),
                call("ui-2-b", "ui-bob", at.plusSeconds(60), "record", ",\"records\":[\"7\"]"),
                call("ui-2-c", "ui-bob", at.plusSeconds(120), "record", ",\"filterLogic\":\"[age] > 30\""),
                call("ui-2-d", "ui-bob", at.plusSeconds(180), "record", ",\"fields\":[\"age\"]"),
                call("ui-2-e", "ui-bob", at.plusSeconds(240), "file", ",\"fileField\":\"scan\""),
                call("ui-2-f", "ui-bob-other", at.plusSeconds(60), "record", ""),
                call("ui-2-g", "ui-bob", at.plusSeconds(3600), "record", ""))).statusCode()).isEqualTo(202);

        List<ReportedExport> exports = reportedCalls.recordExports(new UsageKey(RedcapEnvironment.PROD, 101, "ui-bob"),
                at, at.plusSeconds(3600));

        assertThat(exports).containsExactly(
                new ReportedExport(at, false, 0, 0),
                new ReportedExport(at.plusSeconds(60), true, 1, 0),
                new ReportedExport(at.plusSeconds(120), true, 0, 0),
                new ReportedExport(at.plusSeconds(180), false, 0, 1));
        assertThat(reportedCalls.recordExports(new UsageKey(RedcapEnvironment.QA, 101, "ui-bob"), at, at.plusSeconds(3601)))
                .as("another environment is another token").isEmpty();
        assertThat(reportedCalls.recordExports(new UsageKey(RedcapEnvironment.PROD, 101, "ui-bob"), at, at.plusSeconds(3601)))
                .hasSize(5);
    }

    @Test
    void aDeliveryWithOneBadCallIsRefusedNamingItAndStoresNothing() {
        HttpResponse<String> refused = sender().deliver(delivery(
                call("ui-3-a", "ui-carol", AT, "record", ""),
                call("ui-3-b", "ui-carol", AT, "record", ",\"records\":[\"1\",null]"),
                call("ui-3-c", "ui-carol", AT, "record", "")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("calls[1] (id \\\"ui-3-b\\\"): records must hold strings only",
                "Nothing of this delivery was stored.");
        HttpResponse<String> unknownField = sender().deliver(delivery(call("ui-3-d", "ui-carol", AT, "record",
                ",\"token\":\"x\"")));
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(unknownField.body()).contains("Unknown field \\\"token\\\" in calls[0]");
        assertThat(rowsOf("ui-carol")).isZero();
    }

    @Test
    void aTokenLikeValueAnywhereIsRefusedWithoutRepeatingItAndStoresNothing() {
        String token = "0123456789ABCDEF0123456789ABCDEF";
        HttpResponse<String> refused = sender().deliver(delivery(
                call("ui-4-a", "ui-dave", AT, "record", ""),
                call("ui-4-b", "ui-dave", AT, "record", ",\"records\":[\"" + token.toLowerCase() + "\"]")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("calls[1].records[0] looks like an API token", "never send tokens")
                .doesNotContainIgnoringCase(token);
        assertThat(rowsOf("ui-dave")).isZero();
    }

    @Test
    void unsignedForgedStaleOrTamperedDeliveriesAre401AndStoreNothing() {
        String body = delivery(call("ui-5-a", "ui-erin", AT, "record", ""));
        long now = Instant.now().getEpochSecond();
        long stale = now - Duration.ofMinutes(6).toSeconds();
        HrWebhookClient sender = sender();
        String forgedKey = "whsec_" + Base64.getEncoder().encodeToString("wrong".getBytes());

        assertThat(sender.send("msg_u1", now, HrWebhookClient.sign(forgedKey, "msg_u1", now, body), body,
                "application/json").statusCode()).isEqualTo(401);
        assertThat(sender.send("msg_u2", stale, HrWebhookClient.sign(SECRET, "msg_u2", stale, body), body,
                "application/json").statusCode()).isEqualTo(401);
        assertThat(sender.send("msg_u3", now, HrWebhookClient.sign(SECRET, "msg_u3", now, body),
                body.replace("ui-erin", "ui-frank"), "application/json").statusCode()).isEqualTo(401);
        assertThat(sender.send(null, now, null, body, "application/json").statusCode()).isEqualTo(401);
        assertThat(sender.send("msg_u4", now, HrWebhookClient.sign("demo-usage-intake-secret", "msg_u4", now, body), body,
                "application/json").statusCode()).as("the embedded default's demo secret is not this one").isEqualTo(401);
        assertThat(rowsOf("ui-erin") + rowsOf("ui-frank")).isZero();
    }

    @Test
    void otherTypesAndOversizedBodiesAreRefusedBeforeTheyAreRead() {
        String body = delivery(call("ui-6-a", "ui-gina", AT, "record", ""));
        long now = Instant.now().getEpochSecond();
        HrWebhookClient sender = sender();
        String padded = delivery(call("ui-6-b", "ui-gina", AT, "record", ",\"filterLogic\":\"" + "x".repeat(1024 * 1024) + "\""));

        assertThat(sender.send("msg_t", now, HrWebhookClient.sign(SECRET, "msg_t", now, body), body, "text/plain")
                .statusCode()).isEqualTo(415);
        HttpResponse<String> large = sender.send("msg_l", now, HrWebhookClient.sign(SECRET, "msg_l", now, padded), padded,
                "application/json");
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(large.body()).contains("larger than 1048576 bytes");
        assertThat(rowsOf("ui-gina")).isZero();
    }

    @Test
    void theSameCallsSentConcurrentlyAreStoredOnce() throws Exception {
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(call("ui-7-" + i, "ui-hank", AT.plusSeconds(i), "record", ""));
        }
        String body = delivery(calls.toArray(String[]::new));
        ExecutorService senders = Executors.newFixedThreadPool(5);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(senders.submit((Callable<HttpResponse<String>>) () -> sender().deliver(body)));
        }
        for (Future<HttpResponse<String>> answer : answers) {
            assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(202);
        }
        senders.shutdown();

        assertThat(rowsOf("ui-hank")).isEqualTo(50);
    }

    @Test
    void callsOlderThanTheRetentionArePruned() {
        Instant old = AT.minus(Duration.ofDays(40));
        assertThat(sender().deliver(delivery(call("ui-8-old", "ui-ivy", old, "record", ""),
                call("ui-8-new", "ui-ivy", AT, "record", ""))).statusCode()).isEqualTo(202);

        assertThat(reportedCalls.prune(old.plusSeconds(1))).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.queryForList("select sender_id from api_usage_call where username = 'ui-ivy'", String.class))
                .containsExactly("ui-8-new");
    }
}
