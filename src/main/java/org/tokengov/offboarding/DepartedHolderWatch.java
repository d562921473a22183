package org.tokengov.offboarding;

import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tokengov.identity.PeopleDirectory;
import org.tokengov.identity.Person;
import org.tokengov.registry.TokenRegistry;

/**
 * Looks up every holder of a live token in the identity store (Keycloak, or Camunda's own) and reports those
 * whose account is disabled or gone. Polling the holders cannot miss a departure that happened while the app was down;
 * with Keycloak, {@link IdentityStoreDepartureReader} reports within seconds and this poll is the safety net. Each
 * departure is reported once per set of live tokens, whichever of the two notices it first.
 */
@Component
public class DepartedHolderWatch {

    static final String SOURCE = "IDENTITY_STORE";
    private static final Logger log = LoggerFactory.getLogger(DepartedHolderWatch.class);

    private final TokenRegistry registry;
    private final PeopleDirectory people;
    private final OffboardingEvents events;

    DepartedHolderWatch(TokenRegistry registry, PeopleDirectory people, OffboardingEvents events) {
        this.registry = registry;
        this.people = people;
        this.events = events;
    }

    @Scheduled(fixedDelayString = "${tokengov.offboarding.identity-poll-interval:PT5M}",
            initialDelayString = "${tokengov.offboarding.identity-poll-interval:PT5M}")
    public void checkNow() {
        for (String holder : registry.liveHolders()) {
            // One holder at a time under the lock the event reader holds for a whole read (see checkHolder).
            synchronized (this) {
                try {
                    departure(holder).ifPresent(reason -> report(holder, reason));
                } catch (RuntimeException e) {
                    // The identity store being down is not a departure: look again at the next poll.
                    log.warn("Could not check whether {} is still active: {}", holder, e.getMessage());
                }
            }
        }
    }

    /**
     * Checks one person the identity store's event feed names, if they hold a live token: their account's state now
     * decides, so an account re-enabled since is not reported. Throws when the store cannot be asked. Callers whose
     * transaction spans several checks hold this object's lock until it commits, so the poll cannot report the same
     * departure again before the first report is visible.
     */
    synchronized void checkHolder(String holder) {
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
