package org.tokengov.redcapsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * REDCap's rate limiter (shared/redcap/REDCAP-FACTS.md, section 5). The bans are tried with addresses of the
 * documentation ranges, sent as X-Forwarded-For, which REDCap takes as the client's address; the tests' own address
 * (127.0.0.1) must never be banned, or every later test of the shared servers would get 429.
 */
class RedcapRateLimiterIT extends SimulatorOnMariaDb {

    @Test
    void fact5_everyRequestIsCountedForTheClientsAddressApiCallsAndPagesAlike() throws Exception {
        JdbcTemplate qa = qa();
        String self = hash("127.0.0.1");
        long before = hits(qa, self);

        api("qa", QA_STEWARD, "content", "version");
        api("qa", randomToken(), "content", "version");
        get("/redcap-sim/qa/api/");
        get("/redcap-sim/qa/token?username=tokengov_steward&projectId=201");
        page("qa", "project-api", "username", "nobody", "projectId", "201", "action", "request");
        get("/redcap-sim/qa/outage");

        assertThat(hits(qa, self)).as("five REDCap requests; the outage switch is the simulator's own").isEqualTo(before + 5);
        assertThat(qa.queryForObject("SELECT COUNT(*) FROM redcap_ip_cache WHERE ip_hash = ?", Long.class, "127.0.0.1"))
                .as("hashed, never the address itself").isZero();
    }

    @Test
    void fact5_moreThanTheThresholdWithin60SecondsBansTheAddressForGood() throws Exception {
        String abuser = "203.0.113.7";
        String bystander = "203.0.113.8";
        withThreshold(prod(), 5, "", () -> {
            for (int hit = 1; hit <= 5; hit++) {
                assertThat(apiFrom(abuser, PROD_STEWARD).statusCode()).as("hit " + hit).isEqualTo(200);
            }

            HttpResponse<String> sixth = apiFrom(abuser, PROD_STEWARD);

            assertThat(sixth.statusCode()).isEqualTo(429);
            assertThat(sixth.body()).isEqualTo("Your IP address (" + abuser + ") has been banned due to suspected abuse.");
            assertThat(prod().queryForList("SELECT ip FROM redcap_ip_banned", String.class)).contains(abuser);
            assertThat(apiFrom(bystander, PROD_STEWARD).statusCode()).isEqualTo(200);
            assertThat(api("prod", PROD_STEWARD, "content", "version").statusCode()).isEqualTo(200);
        });
        prod().update("DELETE FROM redcap_ip_cache WHERE ip_hash = ?", hash(abuser));

        assertThat(apiFrom(abuser, PROD_STEWARD).statusCode()).as("permanent: nothing counted any more, still banned")
                .isEqualTo(429);
        assertThat(send(HttpRequest.newBuilder(uri("/redcap-sim/prod/token?username=tokengov_steward&projectId=101"))
                .header("X-Forwarded-For", abuser).GET()).statusCode()).as("REDCap's pages too").isEqualTo(429);
    }

    @Test
    void fact5_addressesInTheRateLimiterRangeAreNeverBanned() throws Exception {
        String trusted = "198.51.100.77";
        JdbcTemplate qa = qa();
        withThreshold(qa, 2, "198.51.100.0/24", () -> {
            for (int hit = 1; hit <= 6; hit++) {
                assertThat(apiFrom(trusted, QA_STEWARD, "qa").statusCode()).as("hit " + hit).isEqualTo(200);
            }
        });
        assertThat(qa.queryForList("SELECT ip FROM redcap_ip_banned", String.class)).doesNotContain(trusted);
    }

    private HttpResponse<String> apiFrom(String ip, String token) {
        return apiFrom(ip, token, "prod");
    }

    private HttpResponse<String> apiFrom(String ip, String token, String server) {
        return send(HttpRequest.newBuilder(uri("/redcap-sim/" + server + "/api/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", ip)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("token", token, "content", "version")))));
    }

    /**
     * A low threshold for a while, with the tests' own address exempt: within the last minute the other tests of the
     * shared servers may well have sent more than a handful of requests from it.
     */
    private static void withThreshold(JdbcTemplate redcap, int threshold, String alsoExempt, ThrowingRunnable work)
            throws Exception {
        redcap.update("UPDATE redcap_config SET value = ? WHERE field_name = 'rate_limiter_ip_range'",
                "127.0.0.1, ::1, " + alsoExempt);
        redcap.update("UPDATE redcap_config SET value = ? WHERE field_name = 'page_hit_threshold_per_minute'",
                Integer.toString(threshold));
        try {
            work.run();
        } finally {
            redcap.update("UPDATE redcap_config SET value = '600' WHERE field_name = 'page_hit_threshold_per_minute'");
            redcap.update("UPDATE redcap_config SET value = '' WHERE field_name = 'rate_limiter_ip_range'");
        }
    }

    private static long hits(JdbcTemplate redcap, String ipHash) {
        return redcap.queryForObject("SELECT COUNT(*) FROM redcap_ip_cache WHERE ip_hash = ?", Long.class, ipHash);
    }

    private static String hash(String ip) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(ip.getBytes(StandardCharsets.UTF_8)));
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
