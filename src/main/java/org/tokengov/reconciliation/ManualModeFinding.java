package org.tokengov.reconciliation;

import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapProjectUser;
import org.tokengov.redcaplog.TokenEventInRedcap;
import org.tokengov.registry.IssuedToken;

/**
 * One difference the manual (API) mode can see: a token event in REDCap's log the registry does not account for, or
 * API rights switched on in REDCap for a token this system has held or asked to be deleted. Any part may be null.
 */
record ManualModeFinding(Kind kind, RedcapEnvironment environment, long projectId, String holder,
        TokenEventInRedcap event, IssuedToken registered, RedcapProjectUser user) {

    /** Whose token, where: never its value. */
    String describe() {
        return environment + " API token of " + (holder == null ? "a user REDCap's log does not name" : holder)
                + " on REDCap project " + projectId;
    }

    enum Kind {
        /** A token made outside this system, on a project reconciled before. */
        UNKNOWN,
        /** A token made before the project came under governance, seen on its first reconciliation. */
        EXISTING,
        /** A live registered token made anew or regenerated outside: its new value cannot be read in this mode. */
        CHANGED,
        /** A live registered token deleted outside. */
        MISSING,
        /** Held here by switching API rights off, yet the rights are on again in REDCap. */
        HOLD_UNDONE,
        /** Asked to be deleted (pending), yet its holder's API rights are on again in REDCap. */
        REVIVED,
        /** A token event whose user the API's log export does not name (a Control Center row). */
        UNATTRIBUTED
    }
}
