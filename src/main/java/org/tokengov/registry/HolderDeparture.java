package org.tokengov.registry;

import java.time.Instant;
import java.util.Optional;

/**
 * The termination in effect for a person (the app's own record, see {@link TokenHolders}): which offboarding event and
 * from when. Events follow their effective dates, not their order of arrival.
 */
public record HolderDeparture(String eventId, Instant effectiveAt) {

    /** What stands after a termination effective {@code at}: the later-dated of it and the one recorded. */
    static HolderDeparture after(Optional<HolderDeparture> recorded, String eventId, Instant at) {
        return recorded.filter(earlier -> earlier.effectiveAt().isAfter(at)).orElse(new HolderDeparture(eventId, at));
    }

    /** What stands after a return (a rehire, a re-enabled account) effective {@code at}: a departure dated later. */
    static Optional<HolderDeparture> afterReturn(Optional<HolderDeparture> recorded, Instant at) {
        return recorded.filter(departure -> departure.effectiveAt().isAfter(at));
    }
}
