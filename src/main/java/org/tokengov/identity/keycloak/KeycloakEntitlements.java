package org.tokengov.identity.keycloak;

import java.util.Optional;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.tokengov.identity.Entitlements;

/** Entitlements as Keycloak group memberships. The groups must exist in the realm: a missing one is an error. */
@Component
@Profile("keycloak")
class KeycloakEntitlements implements Entitlements {

    private final RealmResource realm;
    private final KeycloakPeopleDirectory people;

    KeycloakEntitlements(RealmResource tokengovRealm, KeycloakPeopleDirectory people) {
        this.realm = tokengovRealm;
        this.people = people;
    }

    @Override
    public void grant(String username, String group) {
        user(username).joinGroup(groupId(group));
    }

    /** A person deleted from Keycloak (a departure) is in no group any more: there is nothing to withdraw. */
    @Override
    public void revoke(String username, String group) {
        existing(username).ifPresent(user -> user.leaveGroup(groupId(group)));
    }

    @Override
    public boolean holds(String username, String group) {
        return existing(username).map(user -> user.groups(group, 0, 10, true).stream()
                .anyMatch(g -> g.getName().equals(group))).orElse(false);
    }

    private Optional<UserResource> existing(String username) {
        return people.user(username).map(user -> realm.users().get(user.getId()));
    }

    private UserResource user(String username) {
        return existing(username).orElseThrow(() -> new IllegalStateException("No Keycloak user '" + username + "'"));
    }

    private String groupId(String group) {
        return people.group(group).map(GroupRepresentation::getId)
                .orElseThrow(() -> new IllegalStateException("No Keycloak group '" + group + "' in the realm"));
    }
}
