package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.testsupport.RealServers;

/**
 * The SCIM door over real HTTP on PostgreSQL: deactivations (as the RFC and as Microsoft Entra send them), deletions
 * and reactivations become offboarding events; every refusal is a SCIM error and stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = ScimIT.WithBearerToken.class)
class ScimIT {

    static final String TOKEN = "test-" + UUID.randomUUID();
    static final String SCIM_JSON = "application/scim+json";
    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    static class WithBearerToken extends RealServers {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues.of("tokengov.scim.bearer-token=" + TOKEN).applyTo(context);
        }
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    static String active(String value) {
        return ScimPatchTest.patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":" + value + "}");
    }

    @Test
    void deactivationAsBooleanOrAsEntrasStringRecordsATermination() throws Exception {
        HttpResponse<String> rfc = patch("scim-person-1", active("false"), SCIM_JSON, "Bearer " + TOKEN);
        HttpResponse<String> entra = patch("scim-person-2",
                ScimPatchTest.patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}"), "application/json",
                "Bearer " + TOKEN);

        for (HttpResponse<String> response : List.of(rfc, entra)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(SCIM_JSON));
            assertThat(response.body()).contains("\"urn:ietf:params:scim:schemas:core:2.0:User\"", "\"active\":false",
                    "\"resourceType\":\"User\"");
        }
        assertThat(rfc.body()).contains("\"id\":\"scim-person-1\"", "\"userName\":\"scim-person-1\"");
        assertThat(eventTypesOf("scim-person-1")).containsExactly(OffboardingEvent.TERMINATED);
        assertThat(eventTypesOf("scim-person-2")).containsExactly(OffboardingEvent.TERMINATED);
    }

    @Test
    void deletionRecordsATermination() throws Exception {
        HttpResponse<String> response = send(request("scim-person-3", "Bearer " + TOKEN).DELETE());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(eventTypesOf("scim-person-3")).containsExactly(OffboardingEvent.TERMINATED);
    }

    @Test
    void reactivationRecordsARehire() throws Exception {
        HttpResponse<String> response = patch("scim-person-4",
                ScimPatchTest.patch("{\"op\":\"replace\",\"value\":{\"active\":true}}"), SCIM_JSON, "Bearer " + TOKEN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"active\":true");
        assertThat(eventTypesOf("scim-person-4")).containsExactly(OffboardingEvent.REHIRED);
    }

    @Test
    void aPatchThatLeavesActiveAloneIsAcceptedAndRecordsNothing() throws Exception {
        HttpResponse<String> response = patch("scim-person-5",
                ScimPatchTest.patch("{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Five\"}"), SCIM_JSON, "Bearer " + TOKEN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("\"active\"");
        assertThat(eventTypesOf("scim-person-5")).isEmpty();
    }

    @Test
    void aWrongOrMissingBearerTokenIsRefusedWith401AndNothingIsStored() throws Exception {
        for (String authorization : new String[] {"Bearer wrong-" + UUID.randomUUID(), "Basic c2NpbTpzY2lt", null}) {
            HttpResponse<String> patched = patch("scim-person-6", active("false"), SCIM_JSON, authorization);
            HttpResponse<String> deleted = send(request("scim-person-6", authorization).DELETE());
            for (HttpResponse<String> response : List.of(patched, deleted)) {
                assertThat(response.statusCode()).isEqualTo(401);
                assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
                assertScimError(response, "401", null);
            }
        }
        assertThat(eventTypesOf("scim-person-6")).isEmpty();
    }

    @Test
    void malformedPatchesAreRefusedWith400AndNothingIsStored() throws Exception {
        Map<String, String> bodies = Map.of(
                "not json", "invalidSyntax",
                "{\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}", "invalidSyntax",
                ScimPatchTest.patch("{\"op\":\"deactivate\",\"path\":\"active\",\"value\":false}"), "invalidSyntax",
                active("\"no\""), "invalidValue");
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            HttpResponse<String> response = patch("scim-person-7", body.getKey(), SCIM_JSON, "Bearer " + TOKEN);
            assertThat(response.statusCode()).as(body.getKey()).isEqualTo(400);
            assertScimError(response, "400", body.getValue());
        }
        HttpResponse<String> empty = send(request("scim-person-7", "Bearer " + TOKEN)
                .header("Content-Type", SCIM_JSON).method("PATCH", HttpRequest.BodyPublishers.noBody()));
        assertScimError(empty, "400", "invalidSyntax");
        assertThat(eventTypesOf("scim-person-7")).isEmpty();
    }

    @Test
    void usernamesThatCannotBeOnesAreRefusedWith400() throws Exception {
        String tooLong = "u".repeat(192);
        HttpResponse<String> patched = patch(tooLong, active("false"), SCIM_JSON, "Bearer " + TOKEN);
        HttpResponse<String> deleted = send(request("%20", "Bearer " + TOKEN).DELETE());

        assertScimError(patched, "400", "invalidValue");
        assertScimError(deleted, "400", "invalidValue");
        assertThat(jdbc.queryForObject("select count(*) from offboarding_event where username in (?, ' ')", Integer.class,
                tooLong)).isZero();
    }

    @Test
    void otherContentTypesAreRefusedWith415() throws Exception {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "not a media type"}) {
            HttpResponse<String> response = patch("scim-person-8", active("false"), type, "Bearer " + TOKEN);
            assertThat(response.statusCode()).as(type).isEqualTo(415);
            assertScimError(response, "415", null);
        }
        assertThat(eventTypesOf("scim-person-8")).isEmpty();
    }

    @Test
    void strictJsonDuplicateTrailingAndUnknownMembersAreRefusedWith400() throws Exception {
        String operation = "{\"op\":\"replace\",\"path\":\"active\",\"value\":false}";
        for (String body : List.of(
                ScimPatchTest.patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":true,\"value\":false}"),
                ScimPatchTest.patch("{\"op\":\"replace\",\"Path\":\"displayName\",\"path\":\"active\",\"value\":false}"),
                ScimPatchTest.patch(operation) + "{}",
                ScimPatchTest.patch(operation).replace("{\"schemas\"", "{\"userName\":\"x\",\"schemas\""),
                ScimPatchTest.patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":null}"))) {
            HttpResponse<String> response = patch("scim-person-9", body, SCIM_JSON, "Bearer " + TOKEN);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertScimError(response, "400", null);
        }
        assertThat(eventTypesOf("scim-person-9")).isEmpty();
    }

    @Test
    void usernamesWithControlCharactersAreRefusedWith400() throws Exception {
        for (String username : List.of("scim-person-10%07", "scim-person-10%0A", "scim-person-10%1B")) {
            // Spring Security's firewall already refuses such paths (ScimUsersControllerTest: the controller would too).
            assertThat(patch(username, active("false"), SCIM_JSON, "Bearer " + TOKEN).statusCode()).isEqualTo(400);
            assertThat(send(request(username, "Bearer " + TOKEN).DELETE()).statusCode()).isEqualTo(400);
        }
        assertThat(jdbc.queryForObject("select count(*) from offboarding_event where username like 'scim-person-10%'",
                Integer.class)).isZero();
    }

    @Test
    void bodiesOverTheLimitAreRefusedWith413DeclaredOrChunked() throws Exception {
        String padded = active("false").replace("\"schemas\"", "\"pad\":\"" + "x".repeat(1024 * 1024) + "\",\"schemas\"");
        HttpResponse<String> declared = patch("scim-person-11", padded, SCIM_JSON, "Bearer " + TOKEN);
        HttpResponse<String> chunked = send(request("scim-person-11", "Bearer " + TOKEN).header("Content-Type", SCIM_JSON)
                .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(padded.getBytes(StandardCharsets.UTF_8)))));

        for (HttpResponse<String> response : List.of(declared, chunked)) {
            assertThat(response.statusCode()).isEqualTo(413);
            assertScimError(response, "413", null);
        }
        assertThat(eventTypesOf("scim-person-11")).isEmpty();
    }

    @Test
    void aForeignOriginIsRefusedWith403AndTheOwnOriginIsNot() throws Exception {
        HttpResponse<String> patched = send(request("scim-person-12", "Bearer " + TOKEN).header("Content-Type", SCIM_JSON)
                .header("Origin", "https://evil.example.org").method("PATCH", HttpRequest.BodyPublishers.ofString(active("false"))));
        HttpResponse<String> deleted = send(request("scim-person-12", "Bearer " + TOKEN)
                .header("Origin", "https://evil.example.org").DELETE());

        for (HttpResponse<String> response : List.of(patched, deleted)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertScimError(response, "403", null);
        }
        assertThat(eventTypesOf("scim-person-12")).isEmpty();

        HttpResponse<String> own = send(request("scim-person-13", "Bearer " + TOKEN)
                .header("Origin", RealServers.baseUrl(context)).DELETE());
        assertThat(own.statusCode()).isEqualTo(204);
    }

    @Test
    void aDeletionWithABodyOfAnotherTypeIsRefusedWith415() throws Exception {
        HttpResponse<String> response = send(request("scim-person-14", "Bearer " + TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method("DELETE", HttpRequest.BodyPublishers.ofString("active=false")));

        assertThat(response.statusCode()).isEqualTo(415);
        assertScimError(response, "415", null);
        assertThat(eventTypesOf("scim-person-14")).isEmpty();
    }

    private static void assertScimError(HttpResponse<String> response, String status, String scimType) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(SCIM_JSON));
        assertThat(response.body()).contains(ERROR_SCHEMA, "\"status\":\"" + status + "\"", "\"detail\":");
        if (scimType != null) {
            assertThat(response.body()).contains("\"scimType\":\"" + scimType + "\"");
        }
    }

    private List<String> eventTypesOf(String username) {
        return jdbc.queryForList("select event_type from offboarding_event where username = ? and source = ?", String.class,
                username, ScimProvisioning.SOURCE);
    }

    private HttpResponse<String> patch(String username, String body, String contentType, String authorization)
            throws Exception {
        return send(request(username, authorization).header("Content-Type", contentType)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String username, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RealServers.baseUrl(context) + "/scim/v2/Users/" + username));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
