package org.tokengov.identity.keycloak;

import jakarta.ws.rs.NotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tokengov.identity.AccountDeparture;
import org.tokengov.identity.AccountDepartureFeed;

/**
 * Departures from Keycloak's admin events (the realm needs {@code adminEventsEnabled} and
 * {@code adminEventsDetailsEnabled}; the app's client the {@code view-events} role). Each read asks for the user
 * updates and deletions from {@link #OVERLAP} before the newest event already read, in time order, and skips the ids
 * in {@code keycloak_admin_event_seen}: an event stored a little late, with an earlier time, is still found, and
 * none is handed over twice. The ids are inserted in the handler's transaction, so of two replicas reading at once one
 * wins on the primary key and the other's read rolls back.
 */
@Component
@Profile("keycloak")
class KeycloakAdminEventFeed implements AccountDepartureFeed {

    /** How far back each read looks again for events stored after a later one. */
    static final Duration OVERLAP = Duration.ofMinutes(1);
    private static final int PAGE = 200;

    private final RealmResource realm;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    KeycloakAdminEventFeed(RealmResource tokengovRealm, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.realm = tokengovRealm;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void readNew(Consumer<AccountDeparture> handler) {
        // Before the first event ever read, the poll of the holders has covered the past. Event times are Keycloak's
        // wall clock, not the app's (engine-aligned) one.
        long newestRead = jdbc.sql("select max(event_time) from keycloak_admin_event_seen").query(Long.class).optional()
                .orElse(System.currentTimeMillis());
        long from = newestRead - OVERLAP.toMillis();
        Set<String> seen = new HashSet<>(jdbc.sql("select event_id from keycloak_admin_event_seen where event_time >= ?")
                .param(from).query(String.class).list());
        List<AdminEventRepresentation> fresh = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            List<AdminEventRepresentation> page = realm.getAdminEvents(List.of("UPDATE", "DELETE"), null, null, null,
                    null, null, List.of("USER"), String.valueOf(from), null, first, PAGE, "asc");
            page.stream().filter(event -> !seen.contains(event.getId())).forEach(fresh::add);
            if (page.size() < PAGE) {
                break;
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            for (AdminEventRepresentation event : fresh) {
                jdbc.sql("insert into keycloak_admin_event_seen (event_id, event_time) values (?, ?)")
                        .params(event.getId(), event.getTime()).update();
            }
            for (AdminEventDepartures.DepartedUser user : AdminEventDepartures.of(fresh)) {
                handler.accept(departure(user));
            }
            long newest = fresh.stream().mapToLong(AdminEventRepresentation::getTime).max().orElse(newestRead);
            jdbc.sql("delete from keycloak_admin_event_seen where event_time < ?")
                    .param(Math.max(newest, newestRead) - OVERLAP.toMillis()).update();
        });
    }

    private AccountDeparture departure(AdminEventDepartures.DepartedUser user) {
        if (user.username() != null) {
            return new AccountDeparture(user.username(), user.deleted());
        }
        if (user.deleted()) {
            return new AccountDeparture(null, true);
        }
        try {
            return new AccountDeparture(realm.users().get(user.userId()).toRepresentation().getUsername(), false);
        } catch (NotFoundException deletedSince) {
            return new AccountDeparture(null, true);
        }
    }
}
