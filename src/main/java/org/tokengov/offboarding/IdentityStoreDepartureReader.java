package org.tokengov.offboarding;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tokengov.identity.AccountDepartureFeed;

/**
 * Reports departures from the identity store's event feed (Keycloak's admin events) every few seconds, through
 * {@link DepartedHolderWatch}, so they are recorded exactly as the poll records them (source
 * {@value DepartedHolderWatch#SOURCE}) and never twice. A deletion whose event does not name the account makes the
 * whole poll run at once. Without a feed (Camunda's own identity store) only the poll notices departures.
 */
@Component
public class IdentityStoreDepartureReader {

    private static final Logger log = LoggerFactory.getLogger(IdentityStoreDepartureReader.class);

    private final Optional<AccountDepartureFeed> feed;
    private final DepartedHolderWatch watch;

    IdentityStoreDepartureReader(Optional<AccountDepartureFeed> feed, DepartedHolderWatch watch) {
        this.feed = feed;
        this.watch = watch;
    }

    @Scheduled(fixedDelayString = "${tokengov.offboarding.identity-events-interval:PT5S}")
    public void readNow() {
        if (feed.isEmpty()) {
            return;
        }
        AtomicBoolean unnamedDeletion = new AtomicBoolean();
        try {
            synchronized (watch) {
                feed.get().readNew(departure -> {
                    if (departure.username() == null) {
                        unnamedDeletion.set(true);
                    } else {
                        watch.checkHolder(departure.username());
                    }
                });
            }
        } catch (RuntimeException e) {
            // Nothing was remembered as read: the next read hands the same events over again.
            log.warn("Could not read the identity store's departures: {}", e.getMessage());
            return;
        }
        if (unnamedDeletion.get()) {
            watch.checkNow();
        }
    }
}
