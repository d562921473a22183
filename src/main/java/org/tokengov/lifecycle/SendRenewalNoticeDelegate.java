package org.tokengov.lifecycle;

import static org.tokengov.lifecycle.TokenLifecycleVariables.*;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcaplog.RedcapLogReader;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;

/**
 * Tells the holder the token expires soon and must be confirmed in Tasklist ({@code noticeKind} NOTICE), or reminds
 * them (REMINDER). The notice also shows the token's last use for the renewal form: the log reader first catches up
 * with the project's log (incrementally), which records it in the registry.
 */
@Component("sendRenewalNoticeDelegate")
class SendRenewalNoticeDelegate implements JavaDelegate {

    static final String RENEWAL_TASK = "Task_ConfirmRenewal";

    private final RedcapLogReader logReader;
    private final TokenRegistry registry;
    private final Notifier notifier;
    private final AuditTrail auditTrail;

    SendRenewalNoticeDelegate(RedcapLogReader logReader, TokenRegistry registry, Notifier notifier, AuditTrail auditTrail) {
        this.logReader = logReader;
        this.registry = registry;
        this.notifier = notifier;
        this.auditTrail = auditTrail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean firstNotice = "NOTICE".equals(text(execution, NOTICE_KIND));
        String expiresOn = expiresAt(execution).toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
        if (firstNotice) {
            RedcapEnvironment environment = RedcapEnvironment.valueOf(text(execution, ENVIRONMENT));
            long projectId = ((Number) execution.getVariable(PROJECT_ID)).longValue();
            logReader.catchUp(environment, projectId);
            Optional<Instant> lastUse = registry.find(tokenId(execution)).map(IssuedToken::lastUsedAt);
            execution.setVariable(LAST_API_USE, Variables.stringValue(lastUse
                    .map(at -> LocalDateTime.ofInstant(at, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES) + " UTC")
                    .orElse("no API use in REDCap's log")));
            execution.setVariable(EXPIRES_ON, Variables.stringValue(expiresOn));
        }
        Notification notice = Notification.toUser(text(execution, HOLDER),
                firstNotice ? MailKind.RENEWAL_NOTICE : MailKind.RENEWAL_REMINDER,
                Map.of("environment", text(execution, ENVIRONMENT), "project",
                        ((Number) execution.getVariable(PROJECT_ID)).longValue(), "expiresOn", expiresOn));
        // The notice's own step creates the renewal task (the notice gets its link then); a reminder finds it open.
        notifier.send(firstNotice ? notice : renewalTask(execution).map(notice::aboutTask).orElse(notice));
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.RENEWAL_NOTICE_SENT, text(execution, REQUEST_ID),
                tokenId(execution), (firstNotice ? "notice" : "reminder") + ", expires " + expiresOn);
    }

    private static Optional<String> renewalTask(DelegateExecution execution) {
        // The reminder's timer sits on the task, so it is open; the reminder runs as a job, with nobody's authorizations.
        return execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(RENEWAL_TASK).list().stream()
                .map(Task::getId).findFirst();
    }
}
