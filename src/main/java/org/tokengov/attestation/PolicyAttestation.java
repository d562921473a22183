package org.tokengov.attestation;

import java.time.Instant;

/**
 * One attestation of the Fair Use Policy as recorded: by whom, when, how ({@code source}), and for a renewal its request
 * and token, for the annual campaign its process instance ({@code campaignId}).
 */
public record PolicyAttestation(String holder, Instant attestedAt, AttestationSource source, String requestId,
        String tokenId, String campaignId) {
}
