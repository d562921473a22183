package org.tokengov.offboarding;

import java.time.Duration;

/**
 * Published when an offboarding has revoked every token in scope, inside the transaction that records it; listeners
 * that count it should wait for the commit, because a rolled-back job runs again.
 *
 * @param timeToFullRevocation from receipt of the event to the last confirmed revocation (zero if nothing was held)
 */
public record OffboardingCompleted(String offboardingId, int tokensRevoked, Duration timeToFullRevocation) {
}
