package org.tokengov.issuance;

import static org.tokengov.issuance.TokenIssuanceVariables.*;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditTrail;
import org.tokengov.redcap.TokenAdministration;
import org.tokengov.redcap.TokenFingerprint;
import org.tokengov.registry.TokenRegistry;

/**
 * {@code Task_WriteTokenToRedcap}, database mode: creates the token in REDCap's schema with what the ledger filed,
 * after checking the gates once more at the moment of writing (the step is asynchronous: nothing set in between
 * counts), among them that the holder has not left (with the holder locked until this step's transaction, which also
 * records the token, ends), and that the PI has not since switched off in REDCap the rights their consent there
 * covered; keeps only its fingerprint. A gate missing now is the modelled error {@value #REFUSED}; a token an earlier
 * attempt of this step left in REDCap is deleted first, so a refusal leaves none.
 *
 * <p>REDCap is checked before writing: a token of the holder there that this system wrote last (REDCap's log says so)
 * and the registry does not know is what an earlier attempt of this very step left when its node died after REDCap had
 * committed. It is kept and recorded: no second value, no second log row, the holder's one token the registry's. A
 * token someone else made, or one the registry knows, is replaced as before (REDCap logs a regeneration).
 */
@Component("writeTokenToRedcapDelegate")
class WriteTokenToRedcapDelegate implements JavaDelegate {

    static final String REFUSED = IssuanceRefusals.ERROR_CODE;

    private final IssuanceGate gate;
    private final PiConsentStillInRedcap consent;
    private final TokenAdministration administration;
    private final TokenRegistry registry;

    WriteTokenToRedcapDelegate(IssuanceGate gate, PiConsentStillInRedcap consent, TokenAdministration administration,
            TokenRegistry registry) {
        this.gate = gate;
        this.consent = consent;
        this.administration = administration;
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IssuanceGate.Decision decision = gate.decide(execution, environment(execution));
        if (!decision.allowed()) {
            if (decision.request() != null && decision.request().submission().isPresent()) {
                deleteLeftByEarlierAttempt(gate.order(execution, environment(execution)));
            }
            refuse(execution, decision.missingGate());
        }
        IssuanceOrder order = decision.order();
        consent.withdrawnFrom(order).ifPresent(withdrawn -> {
            deleteLeftByEarlierAttempt(order);
            refuse(execution, withdrawn);
        });
        TokenFingerprint fingerprint = leftByEarlierAttempt(order).orElseGet(() -> administration.create(
                order.environment(), order.projectId(), order.holder(), order.rights(), AuditTrail.SYSTEM_ACTOR));
        execution.setVariable(TOKEN_FINGERPRINT, fingerprint.sha256Hex());
    }

    private Optional<TokenFingerprint> leftByEarlierAttempt(IssuanceOrder order) {
        return administration.tokenWrittenBy(order.environment(), order.projectId(), order.holder(), AuditTrail.SYSTEM_ACTOR)
                .filter(written -> registry.withFingerprint(written).isEmpty());
    }

    private void deleteLeftByEarlierAttempt(IssuanceOrder order) {
        leftByEarlierAttempt(order).ifPresent(left -> administration.delete(order.environment(), order.projectId(),
                order.holder(), AuditTrail.SYSTEM_ACTOR));
    }

    private static void refuse(DelegateExecution execution, String missingGate) {
        execution.setVariable(REFUSED_GATE, Variables.stringValue(missingGate));
        throw new BpmnError(REFUSED, missingGate);
    }
}
