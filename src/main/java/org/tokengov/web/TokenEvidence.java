package org.tokengov.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tokengov.attestation.PolicyAttestation;
import org.tokengov.audit.AuditEntry;
import org.tokengov.ledger.LedgerEntry;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRequestRecord;

/**
 * What an auditor needs to judge one token: the token (never its value or fingerprint), the request as submitted
 * ({@code null} for a token found in REDCap and adopted), and every piece of evidence in time order: the request's
 * gates and the token's later cases from the ledger, the holder's policy attestations while the token lived, the
 * token's audit entries (reconciliation findings, revocation, REDCap's confirmation of a deletion, leak sightings) and
 * its last use as REDCap logged it.
 */
record TokenEvidence(TokenRegistryController.TokenView token, Submission request, List<Item> evidence) {

    /** Where an item comes from. */
    enum Source {
        REQUEST_LEDGER, TOKEN_LEDGER, ATTESTATION, AUDIT, REDCAP_LOG
    }

    record Submission(String requestId, String submitter, Instant submittedAt, long productionProjectId,
            long qaProjectId, List<String> rights, String intendedUse, String usageDescription, String callSchedule,
            long expectedCallsPerDay, boolean fairUseAccepted, String status, String outcomeReason) {

        static Submission of(TokenRequestRecord request) {
            List<String> rights = new ArrayList<>();
            if (request.rightExport()) {
                rights.add("export");
            }
            if (request.rightImport()) {
                rights.add("import");
            }
            if (request.rightMobileApp()) {
                rights.add("mobile app");
            }
            return new Submission(request.id(), request.requester(), request.submittedAt(),
                    request.productionProjectId(), request.qaProjectId(), rights, request.intendedUse(),
                    request.usageDescription(), request.callSchedule(), request.expectedCallsPerDay(),
                    request.fairUseAccepted(), request.status().name(), request.outcomeReason());
        }
    }

    /** One piece of evidence: when, what, who, with what outcome, about whom ({@code subject}), and the details. */
    record Item(Instant at, Source source, String kind, String actor, String outcome, String subject, String details) {
    }

    /**
     * Merges the sources into one time line. Items at the same moment keep the order of the sources as passed (the
     * request before the token) and, within a source, the order it recorded them in.
     */
    static TokenEvidence of(IssuedToken token, TokenRequestRecord request, List<LedgerEntry> requestEntries,
            List<LedgerEntry> tokenEntries, List<PolicyAttestation> attestations, List<AuditEntry> audit) {
        List<Item> items = new ArrayList<>();
        requestEntries.forEach(entry -> items.add(item(Source.REQUEST_LEDGER, entry)));
        tokenEntries.forEach(entry -> items.add(item(Source.TOKEN_LEDGER, entry)));
        attestations.stream().filter(attested -> coversTokenTime(token, attested.attestedAt()))
                .forEach(attested -> items.add(item(attested)));
        audit.forEach(entry -> items.add(new Item(entry.occurredAt(), Source.AUDIT, entry.action().name(), entry.actor(),
                null, null, entry.details())));
        if (token.lastUsedAt() != null) {
            items.add(new Item(token.lastUsedAt(), Source.REDCAP_LOG, "LAST_USED", token.holder(), null, null,
                    "the token's last API call in REDCap's log"));
        }
        items.sort(Comparator.comparing(Item::at));
        return new TokenEvidence(TokenRegistryController.TokenView.of(token),
                request == null ? null : Submission.of(request), List.copyOf(items));
    }

    private static Item item(Source source, LedgerEntry entry) {
        return new Item(entry.recordedAt(), source, entry.kind().name(), entry.actor(), entry.outcome(),
                entry.subject(), entry.backfilled() ? join("reconstructed from the audit trail", entry.details())
                        : entry.details());
    }

    private static Item item(PolicyAttestation attested) {
        String details = switch (attested.source()) {
            case ATTESTATION -> "annual attestation, campaign " + attested.campaignId();
            case RENEWAL -> "re-attested when keeping token " + attested.tokenId() + " at renewal";
        };
        return new Item(attested.attestedAt(), Source.ATTESTATION, "POLICY_ATTESTED", attested.holder(),
                attested.source().name(), null, details);
    }

    private static boolean coversTokenTime(IssuedToken token, Instant at) {
        return !at.isBefore(token.issuedAt()) && (token.revokedAt() == null || !at.isAfter(token.revokedAt()));
    }

    private static String join(String note, String details) {
        return details == null ? note : note + ": " + details;
    }
}
