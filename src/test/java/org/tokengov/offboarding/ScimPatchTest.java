package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** SCIM PatchOp parsing: the forms Microsoft Entra and the RFC send for active, and the refusals. */
class ScimPatchTest {

    static Optional<Boolean> activeAfter(String body) {
        return ScimPatch.activeAfter(body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    static String patch(String operations) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operations + "]}";
    }

    @Test
    void activeFalseAsBooleanOrStringInAnyCaseDeactivates() {
        assertThat(activeAfter(patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}"))).contains(false);
        assertThat(activeAfter(patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}"))).contains(false);
        assertThat(activeAfter(patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":\"false\"}"))).contains(false);
    }

    @Test
    void theFormWithoutPathCarriesActiveInItsValue() {
        assertThat(activeAfter(patch("{\"op\":\"replace\",\"value\":{\"active\":false}}"))).contains(false);
        assertThat(activeAfter(patch("{\"op\":\"Replace\",\"value\":{\"displayName\":\"Bob\",\"active\":\"True\"}}")))
                .contains(true);
    }

    @Test
    void activeTrueReactivatesAndTheLastOperationWins() {
        assertThat(activeAfter(patch("{\"op\":\"add\",\"path\":\"active\",\"value\":true}"))).contains(true);
        assertThat(activeAfter(patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":true},"
                + "{\"op\":\"replace\",\"path\":\"urn:ietf:params:scim:schemas:core:2.0:User:active\",\"value\":false}")))
                .contains(false);
    }

    @Test
    void operationsOnOtherAttributesAreIgnored() {
        assertThat(activeAfter(patch("{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Bob B.\"},"
                + "{\"op\":\"Add\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"bob@example.org\"},"
                + "{\"op\":\"Remove\",\"path\":\"title\"}"))).isEmpty();
    }

    @Test
    void aValueOfActiveThatIsNotABooleanIsInvalid() {
        for (String value : new String[] {"0", "\"no\"", "null", "{\"value\":false}", "[false]"}) {
            assertRefused(patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":" + value + "}"), "invalidValue");
        }
        assertRefused(patch("{\"op\":\"replace\",\"value\":{\"active\":\"off\"}}"), "invalidValue");
        assertRefused(patch("{\"op\":\"remove\",\"path\":\"active\"}"), "invalidValue");
    }

    @Test
    void unknownOrMissingOpsAndMalformedOperationsAreInvalidSyntax() {
        assertRefused(patch("{\"op\":\"deactivate\",\"path\":\"active\",\"value\":false}"), "invalidSyntax");
        assertRefused(patch("{\"path\":\"active\",\"value\":false}"), "invalidSyntax");
        assertRefused(patch("{\"op\":\"replace\",\"path\":\"active\"}"), "invalidSyntax");
        assertRefused(patch("{\"op\":\"replace\",\"value\":false}"), "invalidSyntax");
        assertRefused(patch("{\"op\":\"replace\",\"path\":7,\"value\":false}"), "invalidSyntax");
        assertRefused(patch("\"replace active\""), "invalidSyntax");
        assertRefused(patch("{\"op\":\"remove\"}"), "noTarget");
    }

    @Test
    void aBodyThatIsNotAPatchOpIsInvalidSyntax() {
        assertRefused(null, "invalidSyntax");
        assertRefused("", "invalidSyntax");
        assertRefused("not json", "invalidSyntax");
        assertRefused("[]", "invalidSyntax");
        assertRefused("{\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}", "invalidSyntax");
        assertRefused("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}", "invalidSyntax");
        assertRefused("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]}", "invalidSyntax");
        assertRefused(patch(""), "invalidSyntax");
    }

    @Test
    void duplicateMembersInAnyCaseTrailingDataAndUnknownMembersAreInvalidSyntax() {
        String operation = "{\"op\":\"replace\",\"path\":\"active\",\"value\":false}";
        assertRefused("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operation
                + "],\"operations\":[]}", "invalidSyntax");
        assertRefused(patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":false,\"value\":true}"), "invalidSyntax");
        assertRefused(patch("{\"op\":\"replace\",\"Op\":\"remove\",\"path\":\"active\",\"value\":false}"),
                "invalidSyntax");
        assertRefused(patch(operation) + " {}", "invalidSyntax");
        assertRefused(patch(operation) + "]", "invalidSyntax");
        assertRefused(patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":false,\"from\":\"x\"}"), "invalidSyntax");
        assertRefused(patch(operation).replace("{\"schemas\"", "{\"id\":\"bob\",\"schemas\""), "invalidSyntax");
        assertThat(activeAfter(patch(operation).replace("\"schemas\"", "\"Schemas\""))).as("names in any case").contains(false);
    }

    private static void assertRefused(String body, String scimType) {
        assertThatThrownBy(() -> activeAfter(body))
                .as(String.valueOf(body))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.error().scimType()).isEqualTo(scimType);
                    assertThat(e.error().status()).isEqualTo("400");
                });
    }
}
