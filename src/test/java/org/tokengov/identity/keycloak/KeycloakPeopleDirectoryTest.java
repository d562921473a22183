package org.tokengov.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.tokengov.identity.KeycloakProperties;
import org.tokengov.identity.Person;

/** How a Keycloak user becomes a {@link Person}. */
class KeycloakPeopleDirectoryTest {

    final KeycloakPeopleDirectory directory = new KeycloakPeopleDirectory(mock(RealmResource.class),
            new KeycloakProperties("http://keycloak.invalid", "tokengov", "tokengov-app", null, "external", "sponsor",
                    "serviceAccount"));

    static UserRepresentation user(String username, boolean enabled, Map<String, List<String>> attributes) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(enabled);
        user.setFirstName("Erin");
        user.setLastName("External");
        user.setEmail(username + "@example.org");
        user.setAttributes(attributes);
        return user;
    }

    @Test
    void anExternalUserCarriesTheSponsor() {
        Person erin = directory.toPerson(user("erin", true, Map.of("external", List.of("true"), "sponsor", List.of("pat"))));

        assertThat(erin).isEqualTo(new Person("erin", "erin@example.org", "Erin External", true, false, true, "pat"));
    }

    @Test
    void serviceAccountsAreRecognisedByKeycloaksNamingAndByTheAttribute() {
        assertThat(directory.toPerson(user("service-account-etl-bot", true, null)).markedServiceAccount()).isTrue();
        assertThat(directory.toPerson(user("nightly", true, Map.of("serviceAccount", List.of("TRUE")))).markedServiceAccount())
                .isTrue();
        assertThat(directory.toPerson(user("alice", true, Map.of())).markedServiceAccount()).isFalse();
    }

    @Test
    void disabledUsersAreInactiveAndMissingValuesStayEmpty() {
        UserRepresentation bare = new UserRepresentation();
        bare.setUsername("ghost");

        Person ghost = directory.toPerson(bare);

        assertThat(ghost).isEqualTo(new Person("ghost", null, "ghost", false, false, false, null));
        assertThat(directory.toPerson(user("gone", false, Map.of("external", List.of()))).active()).isFalse();
    }
}
