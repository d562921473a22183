package org.tokengov.web;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tokengov.attestation.PolicyAttestations;
import org.tokengov.audit.AuditTrail;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRequests;

/** Reads a token's evidence from the ledger, the request register, the attestations and the audit trail. */
@Component
class TokenEvidences {

    private final TokenRequests requests;
    private final Ledger ledger;
    private final PolicyAttestations attestations;
    private final AuditTrail auditTrail;

    TokenEvidences(TokenRequests requests, Ledger ledger, PolicyAttestations attestations, AuditTrail auditTrail) {
        this.requests = requests;
        this.ledger = ledger;
        this.attestations = attestations;
        this.auditTrail = auditTrail;
    }

    TokenEvidence of(IssuedToken token) {
        String requestId = token.requestId();
        return TokenEvidence.of(token,
                requestId == null ? null : requests.find(requestId).orElse(null),
                requestId == null ? List.of() : ledger.entries(CaseRef.request(requestId)),
                ledger.entries(CaseRef.token(token.id())),
                attestations.ofHolderSince(token.holder(), token.issuedAt()),
                auditTrail.ofToken(token.id()));
    }
}
