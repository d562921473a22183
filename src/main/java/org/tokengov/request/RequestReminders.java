package org.tokengov.request;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Service;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.ledger.LedgerCases;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.registry.TokenRequestRecord;

/** What the request's reminder steps share: the waiting task, the request as the ledger has it, sending and audit. */
@Service
class RequestReminders {

    private final LedgerCases cases;
    private final Notifier notifier;
    private final AuditTrail auditTrail;

    RequestReminders(LedgerCases cases, Notifier notifier, AuditTrail auditTrail) {
        this.cases = cases;
        this.notifier = notifier;
        this.auditTrail = auditTrail;
    }

    Optional<TokenRequestRecord> request(DelegateExecution execution) {
        return cases.request(execution.getProcessInstanceId()).submission();
    }

    /** The open task the reminder's timer sits on (it runs as a job, inside the engine's command). */
    Optional<TaskEntity> waitingTask(DelegateExecution execution, String taskDefinitionKey) {
        return Context.getCommandContext().getTaskManager().findTasksByProcessInstanceId(execution.getProcessInstanceId())
                .stream().filter(task -> taskDefinitionKey.equals(task.getTaskDefinitionKey())).findFirst();
    }

    /**
     * Offers the waiting decision again to the people who may give it (people who joined the group since see it too)
     * and reminds them, or its assignee; never the requester or, for an approval, a reviewer.
     */
    void remindDeciders(DelegateExecution execution, String step, Function<DelegateTask, Set<String>> reoffer, MailKind kind) {
        waitingTask(execution, step).ifPresent(task -> request(execution).ifPresent(request -> {
            List<String> people = List.copyOf(task.getAssignee() != null ? List.of(task.getAssignee()) : reoffer.apply(task));
            send(execution, new Notification(people, List.of(), kind,
                    Map.of("requester", request.requester(), "project", request.productionProjectId())), Optional.of(task), step);
        }));
    }

    void send(DelegateExecution execution, Notification reminder, Optional<TaskEntity> task, String step) {
        Notification aboutRequest = reminder.aboutRequest(request(execution).map(TokenRequestRecord::number).orElse(null));
        notifier.send(task.map(open -> aboutRequest.aboutTask(open.getId())).orElse(aboutRequest));
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.REMINDER_SENT, execution.getProcessInstanceId(), null,
                "Reminder for " + step);
    }
}
