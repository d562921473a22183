package org.tokengov.redcap;

import java.time.Duration;
import java.util.Optional;

/** The client-side budget has no free call soon enough: nothing was sent to REDCap; try again after a while. */
public class RateBudgetExhaustedException extends RedcapUnavailableException {

    private final Duration nextSlotIn;

    /** Refused without knowing when a call will be free (a health check's "not right now"). */
    public RateBudgetExhaustedException(String message) {
        this(message, null);
    }

    /** Refused while the budget's next call is {@code nextSlotIn} away. */
    public RateBudgetExhaustedException(String message, Duration nextSlotIn) {
        super(message);
        this.nextSlotIn = nextSlotIn;
    }

    /** How far away the budget's next free call was when this was refused, if known. */
    public Optional<Duration> nextSlotIn() {
        return Optional.ofNullable(nextSlotIn);
    }
}
