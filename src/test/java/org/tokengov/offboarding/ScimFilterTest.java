package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.tokengov.offboarding.ScimFilter.Attribute;

/** The filters Microsoft Entra and Okta send to find a user, and the refusal of every other filter. */
class ScimFilterTest {

    @Test
    void entrasAndOktasLookUpsByUserNameExternalIdOrId() {
        assertThat(ScimFilter.parse("userName eq \"Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1\""))
                .isEqualTo(new ScimFilter(Attribute.USER_NAME, "Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1"));
        assertThat(ScimFilter.parse("externalId eq \"00ujl29u0le5T6Aj10h7\""))
                .isEqualTo(new ScimFilter(Attribute.EXTERNAL_ID, "00ujl29u0le5T6Aj10h7"));
        assertThat(ScimFilter.parse("id eq \"6e5b3a4c-0000-4000-8000-000000000000\"").attribute()).isEqualTo(Attribute.ID);
    }

    @Test
    void attributeNamesAndTheOperatorAreCaseInsensitiveAndTheValueIsAJsonString() {
        assertThat(ScimFilter.parse("  USERNAME  EQ \"bob \\\"the\\\" builder\\u00e9\" "))
                .isEqualTo(new ScimFilter(Attribute.USER_NAME, "bob \"the\" builderé"));
    }

    @Test
    void userNameIsComparedIgnoringCaseTheIdsExactly() {
        assertThat(ScimFilter.parse("userName eq \"Bob\"").comparable()).isEqualTo("bob");
        assertThat(ScimFilter.parse("externalId eq \"AbC\"").comparable()).isEqualTo("AbC");
    }

    @Test
    void everyOtherFilterIsInvalid() {
        for (String filter : new String[] {"userName co \"bob\"", "userName sw \"b\"", "displayName eq \"Bob\"",
                "userName eq \"a\" and active eq true", "userName eq \"a\" or userName eq \"b\"", "userName eq bob",
                "userName pr", "emails[type eq \"work\"].value eq \"a@b\"", "userName eq \"bad \\x escape\"",
                "userName eq \"unterminated", "(userName eq \"a\")", ""}) {
            assertThatThrownBy(() -> ScimFilter.parse(filter)).as(filter)
                    .isInstanceOfSatisfying(ScimException.class, e -> {
                        assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                        assertThat(e.error().scimType()).isEqualTo("invalidFilter");
                    });
        }
    }
}
