package org.tokengov.reconciliation;

import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.TokenInRedcap;
import org.tokengov.registry.IssuedToken;

/** One difference between REDCap and the registry, with what each side holds (either may be null). */
record Finding(Kind kind, TokenInRedcap inRedcap, IssuedToken registered) {

    RedcapEnvironment environment() {
        return inRedcap != null ? inRedcap.environment() : registered.environment();
    }

    long projectId() {
        return inRedcap != null ? inRedcap.projectId() : registered.projectId();
    }

    /** The holder as REDCap spells the username, or as the registry does if REDCap has no token. */
    String holder() {
        return inRedcap != null ? inRedcap.username() : registered.holder();
    }

    boolean superToken() {
        return projectId() == TokenInRedcap.SUPER_TOKEN_PROJECT;
    }

    /** Whose token, where: never its value. */
    String describe() {
        return superToken() ? environment() + " super API token of " + holder()
                : environment() + " API token of " + holder() + " on REDCap project " + projectId();
    }

    enum Kind {
        /** In REDCap, unknown to the registry, on a project reconciled before: made behind the system's back. */
        UNKNOWN,
        /** In REDCap on a project never reconciled before: an existing token to onboard. */
        EXISTING,
        /** Registered and in REDCap, but with another value: regenerated outside. */
        CHANGED,
        /** Revoked or expired here, yet a token works in REDCap: re-created outside. */
        REVIVED,
        /** Held here, yet it works in REDCap: a value made again, or rights switched on again, outside. */
        HOLD_UNDONE,
        /** Registered as working, but gone from REDCap: deleted outside. */
        MISSING,
        /** Registered without a fingerprint (made by hand), now read from REDCap: nothing was wrong. */
        FINGERPRINT_LEARNED
    }
}
