package org.tokengov.requestbutton;

import static org.tokengov.requestbutton.RequestButtonVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.ledger.LedgerCases;
import org.tokengov.redcap.RedcapTodoList;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.registry.TokenRequests;

/**
 * Completes or archives the request button's to-do row in REDCap, for the reason the step's input parameter
 * {@code todoOutcome} names; what happened is read from the app's records (the taken row, the registry, the ledger).
 * A row an administrator closed in REDCap meanwhile keeps what they wrote; the audit trail says so.
 */
@Component("closeTodoRowDelegate")
class CloseTodoRowDelegate implements JavaDelegate {

    private final TakenRows rows;
    private final TokenRequests requests;
    private final LedgerCases ledger;
    private final RedcapTodoList todoList;
    private final RequestButtonProperties properties;
    private final AuditTrail auditTrail;

    CloseTodoRowDelegate(TakenRows rows, TokenRequests requests, LedgerCases ledger, RedcapTodoList todoList,
            RequestButtonProperties properties, AuditTrail auditTrail) {
        this.rows = rows;
        this.requests = requests;
        this.ledger = ledger;
        this.todoList = todoList;
        this.properties = properties;
        this.auditTrail = auditTrail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TakenRow row = rows.ofProcess(execution.getProcessInstanceId()).orElseThrow(() -> new IllegalStateException(
                "No to-do row was taken in for process " + execution.getProcessInstanceId()));
        TodoRowClosing closing = switch (TodoOutcome.valueOf(text(execution, TODO_OUTCOME))) {
            case DECIDED -> decided(row);
            case UNANSWERED -> TodoRowClosing.unanswered(row.requester(), properties.answerDeadline().toDays());
            case NOT_ENTITLED -> TodoRowClosing.notEntitled(text(execution, NOT_ENTITLED_REASON));
        };
        boolean closed = todoList.close(row.environment(), row.todoRequestId(), closing.status(), closing.comment(),
                closing.by());
        rows.closed(row.processInstanceId(), closing.status());
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.REDCAP_TODO_CLOSED, row.tokenRequestId(), null,
                row.environment() + " to-do " + row.todoRequestId() + (closed
                        ? " " + closing.status().value() + ": " + closing.comment()
                        : " was already closed in REDCap; left as it was (would have been " + closing.status().value() + ")"));
    }

    private TodoRowClosing decided(TakenRow row) {
        TokenRequestRecord request = requests.find(row.tokenRequestId()).orElseThrow(() -> new IllegalStateException(
                "The token request " + row.tokenRequestId() + " of to-do " + row.todoRequestId() + " is not registered"));
        return TodoRowClosing.decided(request, ledger.request(request.id()));
    }
}
