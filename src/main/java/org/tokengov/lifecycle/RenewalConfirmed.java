package org.tokengov.lifecycle;

/**
 * Published when a holder keeps a token at renewal and re-attests the Fair Use Policy, for whoever counts
 * attestations (the lifecycle does not need to know who does).
 */
public record RenewalConfirmed(String holder, String requestId, String tokenId) {
}
