package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
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
 * The SCIM door over real HTTP on PostgreSQL: Microsoft Entra's and Okta's provisioning cycles in their documented
 * request shapes (find by filter, create, read, deactivate, reactivate, delete) and the discovery endpoints;
 * deactivations, deletions and reactivations become offboarding events; every refusal is a SCIM error and stores
 * nothing.
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
    final ObjectMapper json = new ObjectMapper();

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

    @Test
    void entrasProvisioningCycleFindsCreatesReadsDeactivatesReactivatesAndDeletes() throws Exception {
        String userName = "Test_User_" + UUID.randomUUID();
        String bearer = "Bearer " + TOKEN;

        // Entra's first call: is the user there already? No: an empty list, not 404.
        HttpResponse<String> before = get("/Users?filter=" + URLEncoder.encode("userName eq \"" + userName + "\"",
                StandardCharsets.UTF_8), bearer);
        assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
        assertScimJson(before);
        JsonNode empty = json.readTree(before.body());
        assertThat(empty.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        assertThat(empty.get("totalResults").asInt()).isZero();
        assertThat(empty.get("Resources")).isEmpty();

        HttpResponse<String> created = post(ScimNewUserTest.ENTRA_CREATE.formatted(userName), SCIM_JSON, bearer);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertScimJson(created);
        JsonNode user = json.readTree(created.body());
        String id = user.get("id").asText();
        assertThat(id).isNotEqualTo(userName);
        assertThat(created.headers().firstValue("Location")).contains(RealServers.baseUrl(context) + "/scim/v2/Users/" + id);
        assertThat(user.get("meta").get("location").asText()).isEqualTo(RealServers.baseUrl(context) + "/scim/v2/Users/" + id);
        assertThat(user.get("userName").asText()).isEqualTo(userName);
        assertThat(user.get("externalId").asText()).isEqualTo("0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef");
        assertThat(user.get("active").asBoolean()).isTrue();
        assertThat(user.get("name").get("familyName").asText()).isEqualTo("familyName");
        assertThat(user.get("emails").get(0).get("value").asText()).isEqualTo("Test_User_fd0ea19b@testuser.com");
        assertThat(user.get("meta").get("resourceType").asText()).isEqualTo("User");
        assertThat(user.get("meta").get("created").asText()).isNotBlank();
        assertThat(eventTypesOf(userName)).as("creating provisions and offboards nothing").isEmpty();

        HttpResponse<String> read = get("/Users/" + id, bearer);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json.readTree(read.body())).isEqualTo(user);

        // Found now, by userName in any case (Entra's "+" for a space too), by externalId and by id.
        for (String filter : List.of("userName+eq+%22" + userName.toUpperCase() + "%22",
                "externalId%20eq%20%220a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef%22", "id%20eq%20%22" + id + "%22")) {
            JsonNode found = json.readTree(get("/Users?filter=" + filter, bearer).body());
            assertThat(found.get("totalResults").asInt()).as(filter).isGreaterThanOrEqualTo(1);
            assertThat(found.get("Resources").findValuesAsText("id")).as(filter).contains(id);
        }

        HttpResponse<String> deactivated = patch(id,
                ScimPatchTest.patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}"), SCIM_JSON, bearer);
        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);
        assertThat(json.readTree(deactivated.body()).get("active").asBoolean()).isFalse();
        assertThat(json.readTree(deactivated.body()).get("id").asText()).isEqualTo(id);
        assertThat(eventTypesOf(userName)).containsExactly(OffboardingEvent.TERMINATED);
        assertThat(json.readTree(get("/Users/" + id, bearer).body()).get("active").asBoolean()).isFalse();

        // Reactivated: a rehire, once; a client resending active true lifts nothing more.
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> reactivated = patch(id,
                    ScimPatchTest.patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}"), SCIM_JSON, bearer);
            assertThat(reactivated.statusCode()).isEqualTo(200);
            assertThat(json.readTree(reactivated.body()).get("active").asBoolean()).isTrue();
        }
        assertThat(eventTypesOf(userName)).containsExactlyInAnyOrder(OffboardingEvent.TERMINATED, OffboardingEvent.REHIRED);

        HttpResponse<String> deleted = send(request(id, bearer).DELETE());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(eventTypesOf(userName)).containsExactlyInAnyOrder(OffboardingEvent.TERMINATED, OffboardingEvent.REHIRED,
                OffboardingEvent.TERMINATED);
        HttpResponse<String> gone = get("/Users/" + id, bearer);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertScimError(gone, "404", null);
    }

    @Test
    void oktasCycleCreatesWithoutKeepingThePasswordAndDeactivatesWithAPathlessPatch() throws Exception {
        String userName = "okta." + UUID.randomUUID() + "@okta.local";
        String bearer = "Bearer " + TOKEN;
        HttpResponse<String> before = get("/Users?filter=userName%20eq%20%22" + URLEncoder.encode(userName, StandardCharsets.UTF_8)
                + "%22&startIndex=1&count=100", bearer);
        JsonNode empty = json.readTree(before.body());
        assertThat(empty.get("totalResults").asInt()).isZero();
        assertThat(empty.get("startIndex").asInt()).isEqualTo(1);

        HttpResponse<String> created = post(ScimNewUserTest.OKTA_CREATE.formatted(userName), "application/json", bearer);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("1mz050nq", "password");
        String id = json.readTree(created.body()).get("id").asText();
        assertThat(jdbc.queryForObject("select count(*) from scim_user where id = ? and display_name = 'Test User'",
                Integer.class, id)).isOne();

        HttpResponse<String> deactivated = patch(id, ScimPatchTest.patch("{\"op\":\"replace\",\"value\":{\"active\":false}}"),
                SCIM_JSON, bearer);
        assertThat(deactivated.statusCode()).isEqualTo(200);
        assertThat(eventTypesOf(userName)).containsExactly(OffboardingEvent.TERMINATED);

        // Okta's PUT (profile updates) is not offered.
        HttpResponse<String> put = send(request(id, bearer).header("Content-Type", SCIM_JSON)
                .PUT(HttpRequest.BodyPublishers.ofString(ScimNewUserTest.OKTA_CREATE.formatted(userName))));
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(eventTypesOf(userName)).containsExactly(OffboardingEvent.TERMINATED);
    }

    @Test
    void aUserCreatedInactiveIsOffboardedAndOneAddressedByUserNameUpdatesTheStoredResource() throws Exception {
        String inactive = "scim-inactive-" + UUID.randomUUID();
        HttpResponse<String> created = post("{\"schemas\":[\"" + ScimUser.SCHEMA + "\"],\"userName\":\"" + inactive
                + "\",\"active\":false}", SCIM_JSON, "Bearer " + TOKEN);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(eventTypesOf(inactive)).containsExactly(OffboardingEvent.TERMINATED);

        String byName = "scim-by-name-" + UUID.randomUUID();
        String id = json.readTree(post("{\"schemas\":[\"" + ScimUser.SCHEMA + "\"],\"userName\":\"" + byName + "\"}",
                SCIM_JSON, "Bearer " + TOKEN).body()).get("id").asText();
        // As before provisioning existed, a client may address the user by username.
        assertThat(patch(byName, active("false"), SCIM_JSON, "Bearer " + TOKEN).statusCode()).isEqualTo(200);
        assertThat(json.readTree(get("/Users/" + id, "Bearer " + TOKEN).body()).get("active").asBoolean()).isFalse();
        assertThat(eventTypesOf(byName)).containsExactly(OffboardingEvent.TERMINATED);
    }

    @Test
    void aTakenUserNameInAnyCaseIs409UniquenessAndStoresNothingMore() throws Exception {
        String userName = "scim-twice-" + UUID.randomUUID();
        assertThat(post(ScimNewUserTest.ENTRA_CREATE.formatted(userName), SCIM_JSON, "Bearer " + TOKEN).statusCode())
                .isEqualTo(201);

        HttpResponse<String> again = post(ScimNewUserTest.ENTRA_CREATE.formatted(userName.toUpperCase()), SCIM_JSON,
                "Bearer " + TOKEN);

        assertThat(again.statusCode()).isEqualTo(409);
        assertScimError(again, "409", "uniqueness");
        assertThat(jdbc.queryForObject("select count(*) from scim_user where user_name_key = ?", Integer.class,
                userName.toLowerCase())).isOne();
    }

    @Test
    void badCreateBodiesAre400AndStoreNothing() throws Exception {
        String userName = "scim-bad-" + UUID.randomUUID();
        Map<String, String> bodies = Map.of(
                "not json", "invalidSyntax",
                "{\"userName\":\"" + userName + "\"}", "invalidSyntax",
                "{\"schemas\":[\"" + ScimPatch.SCHEMA + "\"],\"userName\":\"" + userName + "\"}", "invalidSyntax",
                "{\"schemas\":[\"" + ScimUser.SCHEMA + "\"],\"userName\":\"" + userName + "\",\"username\":\"x\"}", "invalidSyntax",
                "{\"schemas\":[\"" + ScimUser.SCHEMA + "\"],\"displayName\":\"" + userName + "\"}", "invalidValue",
                "{\"schemas\":[\"" + ScimUser.SCHEMA + "\"],\"userName\":\"" + userName + "\",\"active\":\"maybe\"}", "invalidValue");
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            HttpResponse<String> response = post(body.getKey(), SCIM_JSON, "Bearer " + TOKEN);
            assertThat(response.statusCode()).as(body.getKey()).isEqualTo(400);
            assertScimError(response, "400", body.getValue());
        }
        HttpResponse<String> form = post("userName=" + userName, "application/x-www-form-urlencoded", "Bearer " + TOKEN);
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(jdbc.queryForObject("select count(*) from scim_user where user_name_key = ? or display_name = ?",
                Integer.class, userName, userName)).isZero();
        assertThat(eventTypesOf(userName)).isEmpty();
    }

    @Test
    void otherFiltersAre400InvalidFilterAndAnUnknownIdIs404() throws Exception {
        for (String filter : List.of("userName co \"a\"", "displayName eq \"a\"", "userName eq \"a\" or id eq \"b\"")) {
            HttpResponse<String> response = get("/Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8),
                    "Bearer " + TOKEN);
            assertThat(response.statusCode()).as(filter).isEqualTo(400);
            assertScimError(response, "400", "invalidFilter");
        }
        HttpResponse<String> unknown = get("/Users/" + UUID.randomUUID(), "Bearer " + TOKEN);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertScimError(unknown, "404", null);
    }

    @Test
    void pagesFollowStartIndexAndCountWithinMaxResults() throws Exception {
        for (int i = 0; i < 2; i++) {
            post("{\"schemas\":[\"" + ScimUser.SCHEMA + "\"],\"userName\":\"scim-page-" + UUID.randomUUID() + "\"}", SCIM_JSON,
                    "Bearer " + TOKEN);
        }
        JsonNode all = json.readTree(get("/Users?count=-5", "Bearer " + TOKEN).body());
        assertThat(all.get("totalResults").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(all.get("itemsPerPage").asInt()).isZero();
        assertThat(all.get("Resources")).isEmpty();

        JsonNode second = json.readTree(get("/Users?startIndex=2&count=1", "Bearer " + TOKEN).body());
        assertThat(second.get("startIndex").asInt()).isEqualTo(2);
        assertThat(second.get("itemsPerPage").asInt()).isOne();
        JsonNode first = json.readTree(get("/Users?startIndex=0&count=99999999999999999999", "Bearer " + TOKEN).body());
        assertThat(first.get("startIndex").asInt()).isOne();
        assertThat(first.get("itemsPerPage").asInt()).isBetween(2, ScimUsersController.MAX_RESULTS);
        assertThat(first.get("Resources").get(1).get("id")).isEqualTo(second.get("Resources").get(0).get("id"));

        HttpResponse<String> notANumber = get("/Users?count=ten", "Bearer " + TOKEN);
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertScimError(notANumber, "400", "invalidValue");
    }

    @Test
    void discoverySaysWhatIsSupported() throws Exception {
        JsonNode config = json.readTree(get("/ServiceProviderConfig", "Bearer " + TOKEN).body());
        assertThat(config.get("schemas").get(0).asText()).isEqualTo(ScimDiscoveryController.SERVICE_PROVIDER_CONFIG_SCHEMA);
        assertThat(config.get("patch").get("supported").asBoolean()).isTrue();
        assertThat(config.get("filter").get("supported").asBoolean()).isTrue();
        assertThat(config.get("filter").get("maxResults").asInt()).isEqualTo(ScimUsersController.MAX_RESULTS);
        for (String unsupported : List.of("bulk", "sort", "etag", "changePassword")) {
            assertThat(config.get(unsupported).get("supported").asBoolean()).as(unsupported).isFalse();
        }
        assertThat(config.get("authenticationSchemes").get(0).get("type").asText()).isEqualTo("oauthbearertoken");

        JsonNode types = json.readTree(get("/ResourceTypes", "Bearer " + TOKEN).body());
        assertThat(types.get("totalResults").asInt()).isOne();
        assertThat(types.get("Resources").get(0).get("endpoint").asText()).isEqualTo("/Users");
        assertThat(types.get("Resources").get(0).get("schema").asText()).isEqualTo(ScimUser.SCHEMA);

        HttpResponse<String> schemas = get("/Schemas", "Bearer " + TOKEN);
        assertScimJson(schemas);
        JsonNode user = json.readTree(schemas.body()).get("Resources").get(0);
        assertThat(user.get("id").asText()).isEqualTo(ScimUser.SCHEMA);
        assertThat(user.get("attributes").findValuesAsText("name")).contains("userName", "name", "givenName", "displayName",
                "emails", "active");
        assertThat(json.readTree(get("/Schemas/" + ScimUser.SCHEMA, "Bearer " + TOKEN).body())).isEqualTo(user);
        assertThat(get("/ResourceTypes/Group", "Bearer " + TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void everyNewEndpointWantsTheBearerToken() throws Exception {
        String userName = "scim-no-token-" + UUID.randomUUID();
        for (String authorization : new String[] {"Bearer wrong-" + UUID.randomUUID(), null}) {
            List<HttpResponse<String>> responses = List.of(
                    get("/Users?filter=" + URLEncoder.encode("userName eq \"x\"", StandardCharsets.UTF_8), authorization),
                    get("/Users/" + UUID.randomUUID(), authorization),
                    post("{\"schemas\":[\"" + ScimUser.SCHEMA + "\"],\"userName\":\"" + userName + "\"}", SCIM_JSON,
                            authorization),
                    get("/ServiceProviderConfig", authorization), get("/ResourceTypes", authorization),
                    get("/Schemas", authorization));
            for (HttpResponse<String> response : responses) {
                assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(401);
                assertScimError(response, "401", null);
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from scim_user where user_name = ?", Integer.class, userName)).isZero();
    }

    private static void assertScimJson(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(SCIM_JSON));
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RealServers.baseUrl(context) + "/scim/v2" + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.GET());
    }

    private HttpResponse<String> post(String body, String contentType, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RealServers.baseUrl(context) + "/scim/v2/Users"))
                .header("Content-Type", contentType);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
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
