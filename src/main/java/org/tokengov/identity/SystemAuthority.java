package org.tokengov.identity;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls as the system rather than as the signed-in caller. Whoever may trigger something was decided by
 * the caller's own check (the app's API); starting or messaging the process is then the system's business, not a
 * permission on the process the person needs.
 */
public final class SystemAuthority {

    private SystemAuthority() {
    }

    public static <T> T call(IdentityService identity, Supplier<T> engineCall) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return engineCall.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    public static void run(IdentityService identity, Runnable engineCall) {
        call(identity, () -> {
            engineCall.run();
            return null;
        });
    }
}
