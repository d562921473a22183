package org.tokengov.budgetwait;

import java.time.Duration;
import java.util.Optional;
import org.tokengov.redcap.RateBudgetExhaustedException;

/** Whether a failure is a spent rate budget, however deep the engine or a delegate wrapped it. */
final class SpentBudget {

    /** Far more than any real wrapping; only guards against a cause chain that loops. */
    private static final int DEEPEST_CAUSE = 32;

    private SpentBudget() {
    }

    static boolean causedIt(Throwable failure) {
        return find(failure).isPresent();
    }

    /** How far away the budget's next free call was when the failure's spent budget refused it, if known. */
    static Optional<Duration> nextSlotIn(Throwable failure) {
        return find(failure).flatMap(RateBudgetExhaustedException::nextSlotIn);
    }

    private static Optional<RateBudgetExhaustedException> find(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < DEEPEST_CAUSE; depth++) {
            if (cause instanceof RateBudgetExhaustedException spent) {
                return Optional.of(spent);
            }
            cause = cause.getCause();
        }
        return Optional.empty();
    }
}
