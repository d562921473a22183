package org.tokengov.budgetwait;

import org.tokengov.redcap.RateBudgetExhaustedException;

/** Whether a failure is a spent rate budget, however deep the engine or a delegate wrapped it. */
final class SpentBudget {

    /** Far more than any real wrapping; only guards against a cause chain that loops. */
    private static final int DEEPEST_CAUSE = 32;

    private SpentBudget() {
    }

    static boolean causedIt(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < DEEPEST_CAUSE; depth++) {
            if (cause instanceof RateBudgetExhaustedException) {
                return true;
            }
            cause = cause.getCause();
        }
        return false;
    }
}
