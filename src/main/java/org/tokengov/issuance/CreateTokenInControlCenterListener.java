package org.tokengov.issuance;

import static org.tokengov.issuance.TokenIssuanceVariables.*;
import static org.tokengov.usertask.TaskNames.fact;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.identity.ContractGroups;
import org.tokengov.ledger.LedgerCases;
import org.tokengov.usertask.Exclusions;
import org.tokengov.usertask.FormValues;
import org.tokengov.usertask.FourEyes.AuditRef;
import org.tokengov.usertask.FourEyes;
import org.tokengov.usertask.GroupDecisionTaskListener;
import org.tokengov.usertask.TaskCandidates;

/**
 * {@code Task_CreateTokenInControlCenter}, manual mode: a REDCap administrator other than the requester creates the
 * token in the Control Center with the rights the ledger filed, and confirms it; the rights are then checked through
 * the API.
 */
@Component("createTokenInControlCenterListener")
class CreateTokenInControlCenterListener extends GroupDecisionTaskListener {

    private final LedgerCases cases;
    private final AuditTrail auditTrail;

    CreateTokenInControlCenterListener(FourEyes fourEyes, TaskCandidates candidates, LedgerCases cases,
            AuditTrail auditTrail) {
        super(fourEyes, candidates);
        this.cases = cases;
        this.auditTrail = auditTrail;
    }

    @Override
    protected String name(DelegateTask task) {
        return "Create the " + fact(task, ENVIRONMENT) + " API token for " + fact(task, HOLDER) + " on project "
                + fact(task, PROJECT_ID);
    }

    @Override
    protected String group() {
        return ContractGroups.ADMINS;
    }

    @Override
    protected Exclusions excluded(DelegateTask task) {
        String requester = requestId(task) == null ? null : cases.request(requestId(task)).requester().orElse(null);
        return new Exclusions().exclude(requester, "it concerns their own request");
    }

    @Override
    protected AuditRef about(DelegateTask task) {
        return new AuditRef(requestId(task), null);
    }

    @Override
    protected List<String> problems(DelegateTask task) {
        return Boolean.TRUE.equals(FormValues.asBoolean(task.getVariable(TOKEN_CREATED_CONFIRMED))) ? List.of()
                : List.of("Confirm that you created the token with exactly the approved rights.");
    }

    @Override
    protected void completed(DelegateTask task, String admin) {
        auditTrail.record(admin, AuditAction.TOKEN_CREATED_BY_HAND, requestId(task), null,
                task.getVariable(ENVIRONMENT) + " token on project " + task.getVariable(PROJECT_ID) + " for "
                        + task.getVariable(HOLDER) + ", confirmed by " + admin);
    }

    /** The calling request: the engine's link from this issuance to it. */
    private static String requestId(DelegateTask task) {
        return CallingRequest.idOf(task.getExecution()).orElse(null);
    }
}
