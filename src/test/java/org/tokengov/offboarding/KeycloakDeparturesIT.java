package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tokengov.redcap.RedcapEnvironment.QA;

import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.RealServersWithKeycloak;

/**
 * Departures read from the real Keycloak's admin events (the context of KeycloakIdentityIT): a token holder disabled or
 * deleted by an administrator is recorded for offboarding within seconds, as the poll records it, and only once
 * whichever of the event read and the poll sees it first. The times are printed for the README.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = RealServersWithKeycloak.class)
@ActiveProfiles({"embedded", "keycloak"})
class KeycloakDeparturesIT {

    @Autowired ConfigurableApplicationContext context;
    @Autowired RealmResource realm;
    @Autowired IdentityStoreDepartureReader reader;
    @Autowired DepartedHolderWatch poll;
    @Autowired JdbcTemplate jdbc;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired TokenRegistry registry;

    @Test
    void aHolderDisabledOrDeletedInKeycloakIsRecordedWithinSecondsAndOnce() {
        // People of their own: deleting a user of the shared demo realm would change other tests.
        String disabled = newKeycloakUser();
        String deleted = newKeycloakUser();
        IssuedTokens tokens = new IssuedTokens(context);
        tokens.issue(disabled, QA, 201);
        IssuedToken deletedHolders = tokens.issue(deleted, QA, 201);
        reader.readNow();

        long disabledAt = System.nanoTime();
        UserResource disabledUser = user(disabled);
        UserRepresentation representation = disabledUser.toRepresentation();
        representation.setEnabled(false);
        disabledUser.update(representation);
        // The scheduled read (every 5 s) is what records it.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> events(disabled).size() == 1);
        Duration scheduled = Duration.ofNanos(System.nanoTime() - disabledAt);

        long deletedAt = System.nanoTime();
        user(deleted).remove();
        reader.readNow();
        Duration oneRead = Duration.ofNanos(System.nanoTime() - deletedAt);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> events(deleted).size() == 1);
        System.out.printf("Keycloak admin events: disabled -> offboarding event recorded by the scheduled read in %d ms;"
                + " deleted -> recorded by one read in %d ms%n", scheduled.toMillis(), oneRead.toMillis());

        assertThat(events(disabled)).containsExactly(DepartedHolderWatch.SOURCE + ": account disabled in the identity store");
        assertThat(events(deleted)).containsExactly(DepartedHolderWatch.SOURCE + ": account deleted in the identity store");

        reader.readNow();
        poll.checkNow();
        assertThat(events(disabled)).as("neither a second read nor the poll reports again").hasSize(1);
        assertThat(events(deleted)).hasSize(1);

        // The offboarding of a person Keycloak no longer knows finishes: there is no group membership left to withdraw.
        Jobs.runDue(management);
        assertThat(registry.find(deletedHolders.id())).hasValueSatisfying(token ->
                assertThat(token.state()).isEqualTo(TokenState.REVOKED));
        assertThat(runtime.createIncidentQuery().count()).isZero();
    }

    @Test
    void anAccountDisabledAndReEnabledBeforeTheReadIsNotReported() {
        String holder = newKeycloakUser();
        new IssuedTokens(context).issue(holder, QA, 201);
        reader.readNow();

        UserResource user = user(holder);
        UserRepresentation representation = user.toRepresentation();
        // The scheduled read waits on the watch's lock, so it cannot fall between the two changes.
        synchronized (poll) {
            representation.setEnabled(false);
            user.update(representation);
            representation.setEnabled(true);
            user.update(representation);
        }
        reader.readNow();

        assertThat(events(holder)).isEmpty();
    }

    private List<String> events(String username) {
        return jdbc.queryForList("select source || ': ' || reason from offboarding_event where username = ?",
                String.class, username);
    }

    private String newKeycloakUser() {
        String username = "leaver-" + UUID.randomUUID().toString().substring(0, 8);
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@example.org");
        user.setFirstName("Leaving");
        user.setLastName("Person");
        user.setEnabled(true);
        try (Response created = realm.users().create(user)) {
            assertThat(created.getStatus()).isEqualTo(201);
        }
        return username;
    }

    private UserResource user(String username) {
        return realm.users().get(realm.users().searchByUsername(username, true).get(0).getId());
    }
}
