package org.tokengov.redcapsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class UserRightsImportTest {

    @Test
    void keepsOnlyTheAttributesGiven() {
        List<UserRightsChange> changes = UserRightsImport.parse("""
                [{"username":"bob","api_export":0,"api_import":"1"},
                 {"username":"sam","expiration":"2027-06-30","user_rights":2,"logging":true,"mobile_app":false}]""");

        assertThat(changes).containsExactly(
                new UserRightsChange("bob", Map.of(UserRightsField.API_EXPORT, 0, UserRightsField.API_IMPORT, 1)),
                new UserRightsChange("sam", Map.of(UserRightsField.EXPIRATION, LocalDate.of(2027, 6, 30),
                        UserRightsField.USER_RIGHTS, 2, UserRightsField.LOGGING, 1, UserRightsField.MOBILE_APP, 0)));
    }

    @Test
    void anEmptyExpirationMeansNone() {
        Map<UserRightsField, Object> noExpiration = new HashMap<>();
        noExpiration.put(UserRightsField.EXPIRATION, null);

        assertThat(UserRightsImport.parse("[{\"username\":\"carol\",\"expiration\":\"\"}]"))
                .containsExactly(new UserRightsChange("carol", noExpiration));
    }

    @Test
    void ignoresAttributesTheSimulatorDoesNotKeep() {
        assertThat(UserRightsImport.parse("""
                [{"username":"bob","email":"x@example.org","data_access_group":"site_a","alerts":1}]"""))
                .containsExactly(new UserRightsChange("bob", Map.of()));
    }

    @Test
    void readsFormRightsAsJsonObjectsOrTheirCsvShape() {
        assertThat(UserRightsImport.parse("""
                [{"username":"bob","forms":{"enrollment":130,"followup":128},"forms_export":"enrollment:1,followup:0"}]"""))
                .containsExactly(new UserRightsChange("bob", Map.of(
                        UserRightsField.FORMS, "[enrollment,130][followup,128]",
                        UserRightsField.FORMS_EXPORT, "[enrollment,1][followup,0]")));
    }

    @Test
    void readsRolesWithTheirRightsButNoExpiration() {
        assertThat(UserRightsImport.parseRoles("""
                [{"unique_role_name":"U-123ABCDEFG","api_export":1,"expiration":"2030-01-01"},
                 {"role_label":"Monitors","user_rights":0}]"""))
                .containsExactly(
                        new UserRightsImport.RoleChange("U-123ABCDEFG", null, Map.of(UserRightsField.API_EXPORT, 1)),
                        new UserRightsImport.RoleChange(null, "Monitors", Map.of(UserRightsField.USER_RIGHTS, 0)));
        assertThatThrownBy(() -> UserRightsImport.parseRoles("[{\"api_export\":1}]"))
                .hasMessage("The role_label is missing for new role #1 in the data.");
    }

    @Test
    void readsRoleAssignmentsWithBlankMeaningNoRole() {
        assertThat(UserRightsImport.parseRoleMappings("""
                [{"username":"bob","unique_role_name":"U-123ABCDEFG"},{"username":"sam","unique_role_name":""}]"""))
                .containsExactly(Map.entry("bob", "U-123ABCDEFG"), Map.entry("sam", ""));
    }

    @Test
    void anEmptyArrayIsNoChange() {
        assertThat(UserRightsImport.parse("[]")).isEmpty();
    }

    @Test
    void refusesWhatIsNotAJsonArray() {
        for (String data : new String[] {"{\"username\":\"bob\"}", "not json", "", null}) {
            assertThatThrownBy(() -> UserRightsImport.parse(data))
                    .isInstanceOfSatisfying(ApiError.class, error -> {
                        assertThat(error.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                        assertThat(error).hasMessage(UserRightsImport.NOT_FORMATTED);
                    });
        }
    }

    @Test
    void reportsEveryBadValueAtOnce() {
        assertThatThrownBy(() -> UserRightsImport.parse("""
                [{"username":"bob","api_export":2,"expiration":"30/06/2027"},
                 {"api_import":1},
                 {"username":"sam","user_rights":"yes"}]"""))
                .isInstanceOfSatisfying(ApiError.class, error -> {
                    assertThat(error.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(error.getMessage().split("\n")).containsExactly(
                            "The value \"2\" of \"api_export\" for user \"bob\" is not valid",
                            "The value \"30/06/2027\" of \"expiration\" for user \"bob\" is not valid (expected YYYY-MM-DD)",
                            "The username is missing for user #2 in the data.",
                            "The value \"yes\" of \"user_rights\" for user \"sam\" is not valid");
                });
    }
}
