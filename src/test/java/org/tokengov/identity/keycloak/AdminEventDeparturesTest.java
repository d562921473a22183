package org.tokengov.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.tokengov.identity.keycloak.AdminEventDepartures.DepartedUser;

/** Which of Keycloak's admin events mean that a user left. */
class AdminEventDeparturesTest {

    static final String ERIN = "0b5e1c3a-1111-4c1e-9d7e-000000000001";
    static final String BOB = "0b5e1c3a-2222-4c1e-9d7e-000000000002";

    static AdminEventRepresentation event(String id, long time, String operation, String resourceType, String path,
            String representation) {
        AdminEventRepresentation event = new AdminEventRepresentation();
        event.setId(id);
        event.setTime(time);
        event.setOperationType(operation);
        event.setResourceType(resourceType);
        event.setResourcePath(path);
        event.setRepresentation(representation);
        return event;
    }

    static AdminEventRepresentation update(String id, long time, String userId, String representation) {
        return event(id, time, "UPDATE", "USER", "users/" + userId, representation);
    }

    static AdminEventRepresentation delete(String id, long time, String userId, String representation) {
        return event(id, time, "DELETE", "USER", "users/" + userId, representation);
    }

    @Test
    void anUpdateThatDisablesTheUserIsADepartureOfTheUserItsPathNames() {
        assertThat(AdminEventDepartures.of(List.of(
                update("e1", 1, ERIN, "{\"username\":\"erin\",\"enabled\":false,\"email\":\"erin@example.org\"}"),
                update("e2", 2, BOB, "{\"enabled\":false}"))))
                .containsExactly(new DepartedUser(ERIN, null, false), new DepartedUser(BOB, null, false));
    }

    @Test
    void theUsernameInAnUpdatesBodyIsNotBelieved() {
        // Sent to bob's resource with alice's name: only bob's id counts, looked up in Keycloak by the feed.
        assertThat(AdminEventDepartures.of(List.of(update("e1", 1, BOB, "{\"username\":\"alice\",\"enabled\":false}"))))
                .containsExactly(new DepartedUser(BOB, null, false));
    }

    @Test
    void aDeletionIsADepartureNamedByItsRepresentationWhenThereIsOne() {
        assertThat(AdminEventDepartures.of(List.of(
                delete("e1", 1, ERIN, "{\"id\":\"" + ERIN + "\",\"username\":\"erin\"}"),
                delete("e2", 2, BOB, null))))
                .containsExactly(new DepartedUser(ERIN, "erin", true), new DepartedUser(BOB, null, true));
    }

    @Test
    void otherUpdatesAndOtherResourcesAreNotDepartures() {
        assertThat(AdminEventDepartures.of(List.of(
                update("e1", 1, ERIN, "{\"username\":\"erin\",\"enabled\":true}"),
                update("e2", 2, ERIN, "{\"attributes\":{\"sponsor\":[\"pat\"]}}"),
                update("e3", 3, ERIN, null),
                update("e4", 4, ERIN, "not json"),
                update("e5", 5, ERIN, "{\"enabled\":\"false\"}"),
                event("e6", 6, "CREATE", "USER", "users/" + BOB, "{\"username\":\"bob\",\"enabled\":false}"),
                event("e7", 7, "DELETE", "GROUP_MEMBERSHIP", "users/" + ERIN + "/groups/g1", null),
                event("e8", 8, "UPDATE", "GROUP", "groups/g1", "{\"enabled\":false}"),
                event("e9", 9, "DELETE", "CLIENT", "clients/c1", null))))
                .isEmpty();
    }

    @Test
    void aFailedOperationIsNotADeparture() {
        AdminEventRepresentation failed = delete("e1", 1, ERIN, null);
        failed.setError("unknown_error");

        assertThat(AdminEventDepartures.of(List.of(failed))).isEmpty();
    }

    @Test
    void aUserReEnabledLaterHasNotLeft() {
        assertThat(AdminEventDepartures.of(List.of(
                update("e1", 1, ERIN, "{\"enabled\":false}"),
                update("e2", 2, ERIN, "{\"attributes\":{}}"),
                update("e3", 3, ERIN, "{\"username\":\"erin\",\"enabled\":true}"))))
                .isEmpty();
    }

    @Test
    void aUserDisabledThenDeletedLeftOnce() {
        assertThat(AdminEventDepartures.of(List.of(
                update("e1", 1, ERIN, "{\"enabled\":false}"),
                delete("e2", 2, ERIN, "{\"id\":\"" + ERIN + "\",\"username\":\"erin\"}"))))
                .containsExactly(new DepartedUser(ERIN, "erin", true));
    }
}
