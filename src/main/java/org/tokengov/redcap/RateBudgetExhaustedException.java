package org.tokengov.redcap;

/** The client-side budget has no free call soon enough: nothing was sent to REDCap; try again after a while. */
public class RateBudgetExhaustedException extends RedcapUnavailableException {

    public RateBudgetExhaustedException(String message) {
        super(message);
    }
}
