package org.tokengov.issuance;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;
import org.tokengov.ledger.LedgerCases;
import org.tokengov.ledger.RequestCase;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.TokenHolders;
import org.tokengov.registry.TokenRequestRecord;

/**
 * Whether a token may be created for a request, decided from the request ledger alone: a QA token needs a request
 * submitted through the form, found eligible and, for an external, confirmed by the sponsor; a production token also
 * needs the requester's QA test, an approving code review after it and an approving release decision after that, by
 * two different people, neither of them the requester. Both need the PI's consent, and the rights are those requested
 * within what the PI consented to. Projects, rights and holder are the ledger's too. The request
 * is the issuance's calling process, never a variable. Last, the holder must not have left the organisation: the
 * holder is locked for that read until the step's transaction ends (see {@link TokenHolders}), so a termination
 * arriving meanwhile waits until the token is in the registry, and one committed before is seen here.
 */
@Service
class IssuanceGate {

    private final LedgerCases cases;
    private final TokenHolders holders;

    IssuanceGate(LedgerCases cases, TokenHolders holders) {
        this.cases = cases;
        this.holders = holders;
    }

    /** The order to carry out, or the gate that is missing. */
    Decision decide(DelegateExecution issuance, RedcapEnvironment environment) {
        Optional<String> requestId = CallingRequest.idOf(issuance);
        if (requestId.isEmpty()) {
            return Decision.refused(null, "the issuance was not started by a token request");
        }
        RequestCase request = cases.request(requestId.get());
        Optional<String> missing = environment == RedcapEnvironment.PROD
                ? request.missingForProductionToken() : request.missingForQaToken();
        if (missing.isEmpty() && request.issued(environment)) {
            missing = Optional.of("a " + environment + " token was already issued for this request");
        }
        if (missing.isEmpty()) {
            missing = departureOf(request.submission().orElseThrow().requester());
        }
        return missing.map(gate -> Decision.refused(request, gate))
                .orElseGet(() -> Decision.allowed(order(request, environment)));
    }

    /** What was ordered for the calling request, whatever its gates say now (to record a token made by hand). */
    IssuanceOrder order(DelegateExecution issuance, RedcapEnvironment environment) {
        RequestCase request = cases.request(CallingRequest.idOf(issuance)
                .orElseThrow(() -> new IllegalStateException("The issuance was not started by a token request")));
        return order(request, environment);
    }

    /**
     * Locks the holder until the caller's transaction ends and returns the gate their departure closes, if they left
     * the organisation (a termination in effect that no later-dated rehire reversed).
     */
    Optional<String> departureOf(String holder) {
        return holders.lock(holder).map(departure -> "the holder left the organisation (offboarding event "
                + departure.eventId() + ", effective " + departure.effectiveAt() + ")");
    }

    private static IssuanceOrder order(RequestCase request, RedcapEnvironment environment) {
        TokenRequestRecord submitted = request.submission().orElseThrow();
        return new IssuanceOrder(request.requestId(), submitted.requester(), environment,
                environment == RedcapEnvironment.PROD ? submitted.productionProjectId() : submitted.qaProjectId(),
                request.consentedRights());
    }

    /** Either an order, or the request (if any) and the gate it is missing. */
    record Decision(IssuanceOrder order, RequestCase request, String missingGate) {

        static Decision allowed(IssuanceOrder order) {
            return new Decision(order, null, null);
        }

        static Decision refused(RequestCase request, String missingGate) {
            return new Decision(null, request, missingGate);
        }

        boolean allowed() {
            return order != null;
        }
    }
}
