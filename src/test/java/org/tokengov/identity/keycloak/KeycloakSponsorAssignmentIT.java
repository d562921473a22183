package org.tokengov.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.identity.PeopleDirectory;
import org.tokengov.identity.Person;
import org.tokengov.testsupport.RealServersWithKeycloak;

/** A new sponsor written to the real Keycloak: the attribute changes, the user's other attributes stay. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = RealServersWithKeycloak.class)
@ActiveProfiles({"embedded", "keycloak"})
class KeycloakSponsorAssignmentIT {

    @Autowired PeopleDirectory people;
    @Autowired RealmResource realm;

    /** Keycloak is shared by every test class of the run: erin goes back to the realm's sponsor. */
    @AfterEach
    void restore() {
        people.assignSponsor("erin", "pat");
    }

    @Test
    void theNewSponsorIsStoredAndTheOldOneNoLongerSponsorsErin() {
        people.assignSponsor("erin", "rita");

        assertThat(people.find("erin")).get().satisfies(erin -> {
            assertThat(erin.sponsor()).isEqualTo("rita");
            assertThat(erin.external()).as("other attributes are kept").isTrue();
            assertThat(erin.email()).isEqualTo("erin@example.org");
            assertThat(erin.active()).isTrue();
        });
        assertThat(people.sponsoredBy("rita")).extracting(Person::username).containsExactly("erin");
        assertThat(people.sponsoredBy("pat")).extracting(Person::username).doesNotContain("erin");
        assertThat(realm.users().searchByUsername("erin", true).get(0).getAttributes().get("sponsor"))
                .containsExactly("rita");
    }

    @Test
    void namingTheSameSponsorAgainWritesNothing() {
        people.assignSponsor("erin", "rita");
        int updates = updatesOfErin();
        assertThat(updates).as("the first naming was an update").isPositive();

        people.assignSponsor("erin", "rita");

        assertThat(updatesOfErin()).as("Keycloak's admin events: no second update").isEqualTo(updates);
        assertThat(people.find("erin")).get().extracting(Person::sponsor).isEqualTo("rita");
    }

    private int updatesOfErin() {
        String id = realm.users().searchByUsername("erin", true).get(0).getId();
        return realm.getAdminEvents(List.of("UPDATE"), null, null, null, null, "users/" + id, null, null, 0, 1000).size();
    }
}
