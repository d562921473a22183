package org.tokengov.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerCases;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.ledger.TokenCase;
import org.tokengov.notification.Notifier;
import org.tokengov.usage.RecentUse;
import org.tokengov.usertask.FourEyes;
import org.tokengov.usertask.FourEyes.AuditRef;
import org.tokengov.usertask.TaskCandidates;

/** What every user task of a token's lifecycle needs: the token's case, and the services that act on it. */
@Service
class LifecycleTasks {

    final LedgerCases cases;
    final Ledger ledger;
    final AuditTrail auditTrail;
    final Notifier notifier;
    final FourEyes fourEyes;
    final TaskCandidates candidates;

    LifecycleTasks(LedgerCases cases, Ledger ledger, AuditTrail auditTrail, Notifier notifier, FourEyes fourEyes,
            TaskCandidates candidates) {
        this.cases = cases;
        this.ledger = ledger;
        this.auditTrail = auditTrail;
        this.notifier = notifier;
        this.fourEyes = fourEyes;
        this.candidates = candidates;
    }

    /** The token a lifecycle task is about: its process instance's business key, never a variable. */
    static String tokenId(DelegateTask task) {
        return task.getExecution().getProcessBusinessKey();
    }

    TokenCase caseOf(DelegateTask task) {
        return cases.token(tokenId(task))
                .orElseThrow(() -> new IllegalStateException("The registry knows no token " + tokenId(task)));
    }

    AuditRef about(DelegateTask task) {
        return new AuditRef(caseOf(task).token().requestId(), tokenId(task));
    }

    void record(DelegateTask task, LedgerKind kind, String outcome, String actor, String details) {
        ledger.record(CaseRef.token(tokenId(task)), kind, outcome, actor, null, details);
    }

    void audit(DelegateTask task, String actor, AuditAction action, String details) {
        auditTrail.record(actor, action, caseOf(task).token().requestId(), tokenId(task), details);
    }

    /** Shows the token's last 90 days (calls, fair-use findings) on the task, from the app's own tables. */
    void showRecentUse(DelegateTask task, RecentUse recentUse) {
        RecentUse.Evidence evidence = recentUse.of(caseOf(task).token());
        task.setVariableLocal(TokenLifecycleVariables.RECENT_API_USE, evidence.use());
        task.setVariableLocal(TokenLifecycleVariables.RECENT_FAIR_USE_FINDINGS, evidence.findings());
    }

    static String comments(VariableScope task, String name) {
        Object value = task.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    static String suffix(String comments) {
        return comments == null ? "" : ": " + comments;
    }
}
