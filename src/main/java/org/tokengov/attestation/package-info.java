/**
 * The annual policy attestation: every holder of a live token attests the REDCap API Fair Use Policy once a year
 * ({@code PolicyAttestationProcess}); a renewal confirmed with re-attestation counts. Owns the
 * {@code policy_attestation} records; a holder who does not attest by the deadline loses every live token
 * (revoked through the token lifecycle with reason ATTESTATION_FAILED).
 */
package org.tokengov.attestation;
