package org.tokengov.offboarding;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tokengov.clusterlock.ClusterOnce;
import org.tokengov.identity.AccountDepartureFeed;

/**
 * Reports departures from the identity store's event feed (Keycloak's admin events) every few seconds, through
 * {@link DepartedHolderWatch}, so they are recorded exactly as the poll records them (source
 * {@value DepartedHolderWatch#SOURCE}) and never twice. A deletion whose event does not name the account makes the
 * whole poll run at once. One replica reads at a time, never while a poll runs anywhere (the poll's lease). Without a
 * feed (Camunda's own identity store) only the poll notices departures.
 */
@Component
public class IdentityStoreDepartureReader {

    private static final Logger log = LoggerFactory.getLogger(IdentityStoreDepartureReader.class);
    /** Far longer than a read of a few seconds' events takes; short, since a replica dying mid-read blocks reads. */
    static final Duration READ_LEASE = Duration.ofMinutes(1);

    private final Optional<AccountDepartureFeed> feed;
    private final DepartedHolderWatch watch;
    private final ClusterOnce clusterOnce;

    IdentityStoreDepartureReader(Optional<AccountDepartureFeed> feed, DepartedHolderWatch watch,
            ClusterOnce clusterOnce) {
        this.feed = feed;
        this.watch = watch;
        this.clusterOnce = clusterOnce;
    }

    @Scheduled(fixedDelayString = "${tokengov.offboarding.identity-events-interval:PT5S}")
    public void readNow() {
        if (feed.isEmpty()) {
            return;
        }
        AtomicBoolean unnamedDeletion = new AtomicBoolean();
        try {
            // Not read this round if another replica reads or polls: the events stay unread for the next one.
            clusterOnce.run(DepartedHolderWatch.LEASE, READ_LEASE, () -> feed.get().readNew(departure -> {
                if (departure.username() == null) {
                    unnamedDeletion.set(true);
                } else {
                    watch.checkHolder(departure.username());
                }
            }));
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
