package org.tokengov.controlcenter;

import java.time.Instant;

/**
 * REDCap confirmed that a pending revocation's token is deleted: the token is now revoked (or expired). Published as a
 * Spring application event in the confirming transaction, for whoever waited for it (an offboarding).
 */
public record TokenRevocationConfirmed(String tokenId, Instant confirmedAt) {
}
