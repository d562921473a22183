package org.tokengov.offboarding;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tokengov.clusterlock.ClusterOnce;
import org.tokengov.identity.PeopleDirectory;
import org.tokengov.identity.Person;
import org.tokengov.registry.TokenRegistry;

/**
 * Looks up every holder of a live token in the identity store (Keycloak, or Camunda's own) and reports those
 * whose account is disabled or gone. Polling the holders cannot miss a departure that happened while the app was down;
 * with Keycloak, {@link IdentityStoreDepartureReader} reports within seconds and this poll is the safety net. Each
 * departure is reported once per set of live tokens, whichever of the two notices it first: both run under the same
 * lease ({@link #LEASE}), so the poll and the event read never run at the same time on any replica.
 */
@Component
public class DepartedHolderWatch {

    static final String SOURCE = "IDENTITY_STORE";
    /** The lease the poll and the event read share across replicas. */
    static final String LEASE = "identity-departures";
    /** Longer than a poll of every holder takes; a replica dying in a poll holds the event read back this long. */
    static final Duration POLL_LEASE = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(DepartedHolderWatch.class);

    private final TokenRegistry registry;
    private final PeopleDirectory people;
    private final OffboardingEvents events;
    private final ClusterOnce clusterOnce;

    DepartedHolderWatch(TokenRegistry registry, PeopleDirectory people, OffboardingEvents events,
            ClusterOnce clusterOnce) {
        this.registry = registry;
        this.people = people;
        this.events = events;
        this.clusterOnce = clusterOnce;
    }

    @Scheduled(fixedDelayString = "${tokengov.offboarding.identity-poll-interval:PT5M}",
            initialDelayString = "${tokengov.offboarding.identity-poll-interval:PT5M}")
    public void checkNow() {
        clusterOnce.run(LEASE, POLL_LEASE, this::checkEveryHolder);
    }

    private void checkEveryHolder() {
        for (String holder : registry.liveHolders()) {
            try {
                departure(holder).ifPresent(reason -> report(holder, reason));
            } catch (RuntimeException e) {
                // The identity store being down is not a departure: look again at the next poll.
                log.warn("Could not check whether {} is still active: {}", holder, e.getMessage());
            }
        }
    }

    /**
     * Checks one person the identity store's event feed names, if they hold a live token: their account's state now
     * decides, so an account re-enabled since is not reported. Throws when the store cannot be asked. Callers hold the
     * lease {@link #LEASE} until their transaction commits, so no poll can report the same departure again before the
     * first report is visible.
     */
    void checkHolder(String holder) {
        if (registry.latestLiveIssue(holder).isPresent()) {
            departure(holder).ifPresent(reason -> report(holder, reason));
        }
    }

    private Optional<String> departure(String holder) {
        Optional<Person> person = people.find(holder);
        if (person.isEmpty()) {
            return Optional.of("account deleted in the identity store");
        }
        return person.get().active() ? Optional.empty() : Optional.of("account disabled in the identity store");
    }

    private void report(String holder, String reason) {
        Instant newestToken = registry.latestLiveIssue(holder).orElse(Instant.EPOCH);
        if (!events.reportedSince(holder, newestToken)) {
            events.record(holder, SOURCE, reason);
        }
    }
}
