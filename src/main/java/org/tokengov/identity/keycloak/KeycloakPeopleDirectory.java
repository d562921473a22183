package org.tokengov.identity.keycloak;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.tokengov.identity.KeycloakProperties;
import org.tokengov.identity.PeopleDirectory;
import org.tokengov.identity.Person;

/**
 * People from Keycloak. Keycloak names the user behind a client's service account {@value #SERVICE_ACCOUNT_PREFIX}
 * plus the client id (its admin API does not expose the client link), and an attribute (default
 * {@code serviceAccount=true}) marks other service accounts.
 * External users carry {@code external=true} and {@code sponsor=<username>} (attribute names configurable).
 */
@Component
@Profile("keycloak")
class KeycloakPeopleDirectory implements PeopleDirectory {

    static final String SERVICE_ACCOUNT_PREFIX = "service-account-";
    private static final int PAGE = 500;

    private final RealmResource realm;
    private final KeycloakProperties properties;

    KeycloakPeopleDirectory(RealmResource tokengovRealm, KeycloakProperties properties) {
        this.realm = tokengovRealm;
        this.properties = properties;
    }

    @Override
    public Optional<Person> find(String username) {
        return user(username).map(this::toPerson);
    }

    /** Keycloak's search matches prefixes too: only the exact username counts. */
    Optional<UserRepresentation> user(String username) {
        return realm.users().searchByUsername(username, true).stream()
                .filter(user -> user.getUsername().equalsIgnoreCase(username))
                .findFirst();
    }

    @Override
    public List<Person> membersOf(String groupName) {
        return group(groupName)
                .map(group -> realm.groups().group(group.getId()).members(0, PAGE, false).stream()
                        .map(this::toPerson).filter(Person::active).toList())
                .orElse(List.of());
    }

    @Override
    public List<Person> sponsoredBy(String sponsor) {
        return realm.users().searchByAttributes(0, PAGE, null, false, properties.sponsorAttribute() + ":" + sponsor)
                .stream().map(this::toPerson).toList();
    }

    @Override
    public void assignSponsor(String external, String sponsor) {
        UserRepresentation user = user(external)
                .orElseThrow(() -> new IllegalStateException("No Keycloak user '" + external + "'"));
        if (sponsor.equals(attribute(user, properties.sponsorAttribute()))) {
            return;
        }
        // The whole representation goes back: Keycloak replaces the attributes with what it is sent.
        UserResource resource = realm.users().get(user.getId());
        UserRepresentation current = resource.toRepresentation();
        Map<String, List<String>> attributes = current.getAttributes() == null ? new HashMap<>()
                : new HashMap<>(current.getAttributes());
        attributes.put(properties.sponsorAttribute(), List.of(sponsor));
        current.setAttributes(attributes);
        resource.update(current);
    }

    Optional<GroupRepresentation> group(String groupName) {
        return realm.groups().groups(groupName, true, 0, 10, true).stream()
                .filter(group -> group.getName().equals(groupName))
                .findFirst();
    }

    Person toPerson(UserRepresentation user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        boolean serviceAccount = user.getUsername().startsWith(SERVICE_ACCOUNT_PREFIX)
                || "true".equalsIgnoreCase(attribute(user, properties.serviceAccountAttribute()));
        return new Person(user.getUsername(), user.getEmail(), name.isEmpty() ? user.getUsername() : name,
                Boolean.TRUE.equals(user.isEnabled()), serviceAccount,
                "true".equalsIgnoreCase(attribute(user, properties.externalAttribute())),
                attribute(user, properties.sponsorAttribute()));
    }

    private static String attribute(UserRepresentation user, String name) {
        if (user.getAttributes() == null) {
            return null;
        }
        List<String> values = user.getAttributes().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
