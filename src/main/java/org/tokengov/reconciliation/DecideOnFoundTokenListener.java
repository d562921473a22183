package org.tokengov.reconciliation;

import static org.tokengov.usertask.TaskNames.fact;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.identity.ContractGroups;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.ledger.TokenCase;
import org.tokengov.lifecycle.RevocationReason;
import org.tokengov.usertask.DecisionForm;
import org.tokengov.usertask.Exclusions;
import org.tokengov.usertask.FourEyes.AuditRef;
import org.tokengov.usertask.FourEyes;
import org.tokengov.usertask.GroupDecisionTaskListener;
import org.tokengov.usertask.TaskCandidates;

/**
 * {@code Task_DecideOnFoundToken}: a REDCap administrator who is neither the token's holder nor the REDCap user who
 * made it (by REDCap's log) decides whether a token made outside the system is adopted or revoked; revoking needs a
 * reason the holder can read.
 */
@Component("decideOnFoundTokenListener")
class DecideOnFoundTokenListener extends GroupDecisionTaskListener {

    /** Local variables the form shows, from the ledger. */
    static final String TOKEN_RIGHTS = "tokenRights";
    static final String MADE_IN_REDCAP_BY = "madeInRedcapBy";

    private final FoundTokens foundTokens;
    private final Ledger ledger;
    private final AuditTrail auditTrail;

    DecideOnFoundTokenListener(FourEyes fourEyes, TaskCandidates candidates, FoundTokens foundTokens, Ledger ledger,
            AuditTrail auditTrail) {
        super(fourEyes, candidates);
        this.foundTokens = foundTokens;
        this.ledger = ledger;
        this.auditTrail = auditTrail;
    }

    /** The token a task is about: its process instance's business key, never a variable. */
    private static String tokenId(DelegateTask task) {
        return task.getExecution().getProcessBusinessKey();
    }

    @Override
    protected String name(DelegateTask task) {
        return "Decide on the " + fact(task, FoundTokenVariables.ENVIRONMENT) + " API token of "
                + fact(task, FoundTokenVariables.HOLDER) + " found in REDCap (project "
                + fact(task, FoundTokenVariables.PROJECT_ID) + ")";
    }

    @Override
    protected String group() {
        return ContractGroups.ADMINS;
    }

    @Override
    protected Exclusions excluded(DelegateTask task) {
        TokenCase found = foundTokens.caseOf(tokenId(task));
        return new Exclusions().exclude(found.holder(), "it concerns their own token")
                .exclude(found.madeInRedcapBy().orElse(null), "they made the token in REDCap");
    }

    @Override
    protected AuditRef about(DelegateTask task) {
        return new AuditRef(null, tokenId(task));
    }

    @Override
    protected void show(DelegateTask task) {
        TokenCase found = foundTokens.caseOf(tokenId(task));
        task.setVariableLocal(TOKEN_RIGHTS, String.join(", ", found.token().rightNames()));
        task.setVariableLocal(MADE_IN_REDCAP_BY, found.madeInRedcapBy().orElse("not named in REDCap's log"));
    }

    @Override
    protected List<String> problems(DelegateTask task) {
        return DecisionForm.problems(task, FoundTokenVariables.DECISION, "Decision", FoundTokenDecision.class,
                FoundTokenDecision.ADOPT, FoundTokenVariables.COMMENTS);
    }

    @Override
    protected void completed(DelegateTask task, String admin) {
        FoundTokenDecision decision = DecisionForm.decision(task, FoundTokenVariables.DECISION, FoundTokenDecision.class);
        String comments = DecisionForm.comments(task, FoundTokenVariables.COMMENTS);
        ledger.record(CaseRef.token(tokenId(task)), LedgerKind.FOUND_TOKEN_DECISION, decision.name(), admin, null, comments);
        auditTrail.record(admin, AuditAction.FOUND_TOKEN_DECIDED, null, tokenId(task),
                decision + (comments == null ? "" : ": " + comments));
        if (decision == FoundTokenDecision.REVOKE) {
            task.getExecution().setVariable(FoundTokenVariables.REVOCATION_REASON, RevocationReason.NOT_ADOPTED.name());
        }
    }
}
