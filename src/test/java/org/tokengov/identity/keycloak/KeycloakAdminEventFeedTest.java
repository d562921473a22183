package org.tokengov.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.tokengov.identity.keycloak.AdminEventDeparturesTest.delete;
import static org.tokengov.identity.keycloak.AdminEventDeparturesTest.update;

import jakarta.ws.rs.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.tokengov.identity.AccountDeparture;

/**
 * The admin event feed against a stand-in for Keycloak's event store (in time order, from {@code dateFrom}, paged)
 * and the cursor table of migration V25 on H2: each departure is handed over once, also when a read starts before the
 * newest event already read, and nothing is remembered when the handler fails.
 */
class KeycloakAdminEventFeedTest {

    static final long NOW = System.currentTimeMillis();

    final List<AdminEventRepresentation> keycloakEvents = new ArrayList<>();
    final List<Long> readsFrom = new ArrayList<>();
    final RealmResource realm = mock(RealmResource.class);
    JdbcClient jdbc;
    KeycloakAdminEventFeed feed;

    @BeforeEach
    void feed() throws Exception {
        DriverManagerDataSource database = new DriverManagerDataSource(
                "jdbc:h2:mem:kc-events-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        jdbc = JdbcClient.create(database);
        for (String statement : Files.readString(Path.of(
                "src/main/resources/db/migration/common/V25__keycloak_admin_events.sql")).replaceAll("(?m)^--.*$", "")
                .split(";")) {
            if (!statement.isBlank()) {
                jdbc.sql(statement).update();
            }
        }
        when(realm.getAdminEvents(any(), any(), any(), any(), any(), any(), any(), anyString(), any(), anyInt(),
                anyInt(), any())).thenAnswer(call -> {
                    long from = Long.parseLong(call.getArgument(7));
                    int first = call.getArgument(9);
                    int max = call.getArgument(10);
                    readsFrom.add(from);
                    return keycloakEvents.stream().filter(event -> event.getTime() >= from)
                            .sorted(Comparator.comparingLong(AdminEventRepresentation::getTime))
                            .skip(first).limit(max).toList();
                });
        // Keycloak's users: "id-<name>" is <name>'s id; "id-gone" was deleted since.
        UsersResource users = mock(UsersResource.class);
        when(realm.users()).thenReturn(users);
        when(users.get(anyString())).thenAnswer(call -> {
            String id = call.getArgument(0);
            UserResource user = mock(UserResource.class);
            if (id.equals("id-gone")) {
                when(user.toRepresentation()).thenThrow(new NotFoundException());
            } else {
                UserRepresentation representation = new UserRepresentation();
                representation.setId(id);
                representation.setUsername(id.substring("id-".length()));
                when(user.toRepresentation()).thenReturn(representation);
            }
            return user;
        });
        feed = new KeycloakAdminEventFeed(realm, jdbc, new DataSourceTransactionManager(database));
    }

    List<AccountDeparture> read() {
        List<AccountDeparture> handed = new ArrayList<>();
        feed.readNew(handed::add);
        return handed;
    }

    @Test
    void eachDepartureIsHandedOverOnce() {
        keycloakEvents.add(update("e1", NOW, "id-erin", "{\"username\":\"erin\",\"enabled\":false}"));
        keycloakEvents.add(delete("e2", NOW + 10, "id-bob", "{\"id\":\"id-bob\",\"username\":\"bob\"}"));

        assertThat(read()).containsExactly(new AccountDeparture("erin", false), new AccountDeparture("bob", true));
        assertThat(read()).isEmpty();
    }

    @Test
    void aReadStartsBeforeTheNewestEventReadAndSkipsWhatItAlreadyRead() {
        keycloakEvents.add(update("e1", NOW, "id-erin", "{\"username\":\"erin\",\"enabled\":false}"));
        read();
        // Stored after e1 was read, with the same time and with an earlier one (another Keycloak node, a slow commit).
        keycloakEvents.add(delete("e2", NOW, "id-bob", "{\"username\":\"bob\"}"));
        keycloakEvents.add(update("e3", NOW - 2_000, "id-carol", "{\"username\":\"carol\",\"enabled\":false}"));

        assertThat(read()).containsExactly(new AccountDeparture("carol", false), new AccountDeparture("bob", true));
        assertThat(readsFrom.get(readsFrom.size() - 1)).isEqualTo(NOW - KeycloakAdminEventFeed.OVERLAP.toMillis());
        assertThat(read()).isEmpty();
    }

    @Test
    void manyEventsAreReadPageByPage() {
        for (int i = 0; i < 450; i++) {
            keycloakEvents.add(update("e" + i, NOW + i, "id-" + i, "{\"username\":\"user" + i + "\",\"enabled\":false}"));
        }

        assertThat(read()).hasSize(450).doesNotHaveDuplicates();
        assertThat(read()).isEmpty();
    }

    @Test
    void nothingIsRememberedWhenTheHandlerFails() {
        keycloakEvents.add(update("e1", NOW, "id-erin", "{\"username\":\"erin\",\"enabled\":false}"));

        assertThatThrownBy(() -> feed.readNew(departure -> {
            throw new IllegalStateException("Keycloak is down");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(read()).containsExactly(new AccountDeparture("erin", false));
    }

    @Test
    void aDisabledUserIsNamedByKeycloakNotByTheUpdatesBody() {
        keycloakEvents.add(update("e1", NOW, "id-erin", "{\"enabled\":false}"));
        keycloakEvents.add(update("e2", NOW + 1, "id-bob", "{\"username\":\"alice\",\"enabled\":false}"));

        assertThat(read()).containsExactly(new AccountDeparture("erin", false), new AccountDeparture("bob", false));
    }

    @Test
    void aDepartureWithoutAName() {
        // Keycloak before 26.5 wrote no representation for a deletion; a user disabled and deleted before the read.
        keycloakEvents.add(delete("e1", NOW, "id-bob", null));
        keycloakEvents.add(update("e2", NOW + 1, "id-gone", "{\"enabled\":false}"));

        assertThat(read()).containsExactly(new AccountDeparture(null, true), new AccountDeparture(null, true));
    }

    @Test
    void onlyRecentIdsAreKept() {
        keycloakEvents.add(update("old", NOW - 10 * 60_000, "id-erin", "{\"username\":\"erin\",\"enabled\":false}"));
        keycloakEvents.add(update("new", NOW, "id-bob", "{\"username\":\"bob\",\"enabled\":false}"));
        jdbc.sql("insert into keycloak_admin_event_seen (event_id, event_time) values ('old', ?)")
                .param(NOW - 10 * 60_000).update();

        assertThat(read()).containsExactly(new AccountDeparture("bob", false));
        assertThat(jdbc.sql("select event_id from keycloak_admin_event_seen").query(String.class).list())
                .containsExactly("new");
    }
}
