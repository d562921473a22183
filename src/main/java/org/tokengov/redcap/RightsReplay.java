package org.tokengov.redcap;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether a write of a user's API rights goes to REDCap. A first attempt writes without reading (reading would cost
 * every write a second rate-budget permit). A retry of an attempt that may have reached REDCap reads first and skips
 * the write if REDCap already holds the rights asked: REDCap then logs one change, not two. A user REDCap does not
 * show is written as the first attempt would be, so REDCap gives the same answer.
 */
final class RightsReplay {

    private RightsReplay() {
    }

    /**
     * @param earlierAttemptUnfinished an earlier attempt of this write was asked and its step never committed
     * @param rightsInRedcap reads the user's rights from REDCap (empty if REDCap shows no such project user); called
     *        only for a retry
     */
    static boolean mustWrite(boolean earlierAttemptUnfinished, Supplier<Optional<TokenRights>> rightsInRedcap,
            TokenRights wanted) {
        if (!earlierAttemptUnfinished) {
            return true;
        }
        return rightsInRedcap.get().map(rights -> !rights.equals(wanted)).orElse(true);
    }
}
