package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The body of a SCIM create as Microsoft Entra and Okta document it, and the bodies refused. */
class ScimNewUserTest {

    /** Microsoft Entra's create request ("Develop and plan provisioning for a SCIM endpoint"). */
    static final String ENTRA_CREATE = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
             "userName":"%s",
             "active":true,
             "emails":[{"primary":true,"type":"work","value":"Test_User_fd0ea19b@testuser.com"}],
             "meta":{"resourceType":"User"},
             "name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},
             "roles":[]}""";

    /** Okta's create request (Okta's SCIM 2.0 protocol reference), with a password Okta may push. */
    static final String OKTA_CREATE = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
             "userName":"%s",
             "name":{"givenName":"Test","familyName":"User"},
             "emails":[{"primary":true,"value":"test.user@okta.local","type":"work"}],
             "displayName":"Test User","locale":"en-US","externalId":"00ujl29u0le5T6Aj10h7","groups":[],
             "password":"1mz050nq","active":true}""";

    static ScimNewUser read(String body) {
        return ScimNewUser.read(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void entrasCreateKeepsTheAttributesStoredHereAndIgnoresTheRest() {
        ScimNewUser user = read(ENTRA_CREATE.formatted("Test_User_ab6490ee"));

        assertThat(user).isEqualTo(new ScimNewUser("Test_User_ab6490ee", "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef", true, null,
                new ScimUser.Name("givenName", "familyName", "givenName familyName"),
                List.of(new ScimUser.Email("Test_User_fd0ea19b@testuser.com", "work", true))));
    }

    @Test
    void oktasCreateIsReadWithoutItsPassword() {
        ScimNewUser user = read(OKTA_CREATE.formatted("test.user@okta.local"));

        assertThat(user.userName()).isEqualTo("test.user@okta.local");
        assertThat(user.displayName()).isEqualTo("Test User");
        assertThat(user.externalId()).isEqualTo("00ujl29u0le5T6Aj10h7");
        assertThat(user.toString()).doesNotContain("1mz050nq");
    }

    @Test
    void activeDefaultsToTrueAndMayBeEntrasString() {
        assertThat(read("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"a\"}").active()).isTrue();
        assertThat(read("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"a\",\"active\":\"False\"}")
                .active()).isFalse();
    }

    @Test
    void badJsonWrongSchemasAndDuplicateMembersAreInvalidSyntax() {
        for (String body : new String[] {"", "not json", "[]", "{\"userName\":\"a\"}",
                "{\"schemas\":\"urn:ietf:params:scim:schemas:core:2.0:User\",\"userName\":\"a\"}",
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"userName\":\"a\"}",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",7],\"userName\":\"a\"}",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"a\",\"UserName\":\"b\"}",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"a\"} {}"}) {
            assertRefused(body, "invalidSyntax");
        }
    }

    @Test
    void aMissingOrMistypedAttributeIsInvalidValue() {
        String schemas = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],";
        for (String rest : new String[] {"\"displayName\":\"x\"}", "\"userName\":\"\"}", "\"userName\":\"  \"}",
                "\"userName\":7}", "\"userName\":null}", "\"userName\":\"" + "u".repeat(192) + "\"}",
                "\"userName\":\"bob\\nadmin\"}", "\"userName\":\"a\",\"active\":\"yes\"}",
                "\"userName\":\"a\",\"name\":\"Bob\"}", "\"userName\":\"a\",\"name\":{\"givenName\":1}}",
                "\"userName\":\"a\",\"emails\":{\"value\":\"a@b\"}}", "\"userName\":\"a\",\"emails\":[{\"type\":\"work\"}]}",
                "\"userName\":\"a\",\"emails\":[\"a@b\"]}", "\"userName\":\"a\",\"emails\":[{\"value\":\"a@b\",\"primary\":1}]}",
                "\"userName\":\"a\",\"emails\":[" + "{\"value\":\"a@b\"},".repeat(10) + "{\"value\":\"a@b\"}]}",
                "\"userName\":\"a\",\"externalId\":false}"}) {
            assertRefused(schemas + rest, "invalidValue");
        }
    }

    private static void assertRefused(String body, String scimType) {
        assertThatThrownBy(() -> read(body)).as(body).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(e.error().scimType()).isEqualTo(scimType);
        });
    }
}
