package org.tokengov.attestation;

/** How a holder attested the policy: in the annual campaign, or by confirming a renewal with re-attestation. */
public enum AttestationSource {
    ATTESTATION,
    RENEWAL
}
