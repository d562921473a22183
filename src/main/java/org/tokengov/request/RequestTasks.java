package org.tokengov.request;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;
import org.tokengov.audit.AuditTrail;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerCases;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.ledger.RequestCase;
import org.tokengov.notification.Notifier;
import org.tokengov.usertask.FourEyes;
import org.tokengov.usertask.FourEyes.AuditRef;
import org.tokengov.usertask.TaskCandidates;

/** What every user task of the request pipeline needs: its case in the ledger, and the services that act on it. */
@Service
class RequestTasks {

    final LedgerCases cases;
    final Ledger ledger;
    final AuditTrail auditTrail;
    final Notifier notifier;
    final FourEyes fourEyes;
    final TaskCandidates candidates;
    final Successions successions;

    RequestTasks(LedgerCases cases, Ledger ledger, AuditTrail auditTrail, Notifier notifier, FourEyes fourEyes,
            TaskCandidates candidates, Successions successions) {
        this.cases = cases;
        this.ledger = ledger;
        this.auditTrail = auditTrail;
        this.notifier = notifier;
        this.fourEyes = fourEyes;
        this.candidates = candidates;
        this.successions = successions;
    }

    /** The request a task of {@code TokenRequestProcess} belongs to: its process instance, never a variable. */
    RequestCase caseOf(DelegateTask task) {
        return cases.request(task.getProcessInstanceId());
    }

    /** The successor naming the task's request took, if it is a successor request (the app's record, never a variable). */
    Optional<Succession> successionOf(DelegateTask task) {
        return successions.ofRequest(task.getProcessInstanceId());
    }

    String requesterOf(DelegateTask task) {
        return caseOf(task).requester().orElse(null);
    }

    static AuditRef about(DelegateTask task) {
        return new AuditRef(task.getProcessInstanceId(), null);
    }

    void record(DelegateTask task, LedgerKind kind, String outcome, String actor, String details) {
        ledger.record(CaseRef.request(task.getProcessInstanceId()), kind, outcome, actor, null, details);
    }
}
