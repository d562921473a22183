package org.tokengov.registry;

import java.util.EnumSet;
import java.util.Set;

/** The states of a token the registry knows, as the design's contract names them. */
public enum TokenState {
    QA_ACTIVE,
    ACTIVE,
    SUSPENDED,
    REVOKED,
    EXPIRED,
    /** Found in REDCap by reconciliation, not issued here: works until an administrator adopts or revokes it. */
    FOUND,
    /** Revocation asked of REDCap (by hand, in the Control Center), not yet confirmed by REDCap's log. */
    REVOCATION_PENDING;

    /** Managed by this system and not ended: issued (or adopted), possibly held. */
    public static final Set<TokenState> LIVE = EnumSet.of(QA_ACTIVE, ACTIVE, SUSPENDED);

    /** Whose value REDCap may still hold: live, found but not decided on, or asked to be deleted. */
    public static final Set<TokenState> IN_REDCAP = EnumSet.of(QA_ACTIVE, ACTIVE, SUSPENDED, FOUND, REVOCATION_PENDING);

    public boolean isLive() {
        return LIVE.contains(this);
    }

    /** The token may still work in REDCap: an offboarding or a revocation must still remove it. */
    public boolean inRedcap() {
        return IN_REDCAP.contains(this);
    }

    /** REDCap may still hold the value and nobody was asked to delete it yet: a revocation still has work to do. */
    public boolean stillToRevoke() {
        return inRedcap() && this != REVOCATION_PENDING;
    }
}
