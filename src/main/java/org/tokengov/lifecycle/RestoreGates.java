package org.tokengov.lifecycle;

import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;
import org.tokengov.issuance.IssuanceRefusals;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.LedgerCases;
import org.tokengov.ledger.TokenCase;

/**
 * The lifecycle's paths that give a token its power back (reinstatement, regeneration, rights restored after a
 * regeneration by hand) check the ledger first, like a first issuance: the token is the lifecycle's business key, never
 * a variable. A missing gate changes nothing in REDCap: it is refused, audited, told to the administrators, and the
 * diagram takes its modelled error.
 */
@Service
class RestoreGates {

    private final LedgerCases cases;
    private final IssuanceRefusals refusals;

    RestoreGates(LedgerCases cases, IssuanceRefusals refusals) {
        this.cases = cases;
        this.refusals = refusals;
    }

    /** The token's case if {@code gate} finds nothing missing; otherwise refuses and throws the modelled error. */
    TokenCase require(DelegateExecution execution, String what, Function<TokenCase, Optional<String>> gate) {
        String tokenId = execution.getProcessBusinessKey();
        Optional<TokenCase> token = cases.token(tokenId);
        Optional<String> missing = token.map(gate).orElse(Optional.of("the registry knows no such token"));
        if (missing.isPresent()) {
            refusals.refuse(CaseRef.token(tokenId), token.map(found -> found.token().requestId()).orElse(null), tokenId,
                    what, token.map(TokenCase::holder).orElse(null), missing.get());
            throw new BpmnError(IssuanceRefusals.ERROR_CODE, missing.get());
        }
        return token.orElseThrow();
    }
}
