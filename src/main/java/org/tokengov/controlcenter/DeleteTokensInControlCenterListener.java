package org.tokengov.controlcenter;

import static org.tokengov.controlcenter.ControlCenterWorklistVariables.CONFIRMED_BY_ME;
import static org.tokengov.controlcenter.ControlCenterWorklistVariables.WORKLIST_LINES;
import static org.tokengov.usertask.TaskNames.fact;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.identity.ContractGroups;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.usertask.Exclusions;
import org.tokengov.usertask.FourEyes.AuditRef;
import org.tokengov.usertask.FourEyes;
import org.tokengov.usertask.GroupDecisionTaskListener;
import org.tokengov.usertask.TaskActor;
import org.tokengov.usertask.TaskCandidates;

/**
 * {@code Task_DeleteTokensInControlCenter}: the wave's worklist, offered to {@code redcap-admins} (who alone may act in
 * REDCap's Control Center) and mailed to them once. Completing it says "done"; the administrator may name lines whose
 * deletion REDCap's log does not attribute ({@code confirmedByMe}), which the system checks against the log before it
 * records them in their name. The lines come from the app's tables, the wave from the business key: no variable a
 * caller could set confirms anything.
 */
@Component("deleteTokensInControlCenterListener")
class DeleteTokensInControlCenterListener extends GroupDecisionTaskListener {

    private final WorklistLines lines;
    private final RevocationConfirmations confirmations;
    private final Notifier notifier;
    private final AuditTrail auditTrail;

    DeleteTokensInControlCenterListener(FourEyes fourEyes, TaskCandidates candidates, WorklistLines lines,
            RevocationConfirmations confirmations, Notifier notifier, AuditTrail auditTrail) {
        super(fourEyes, candidates);
        this.lines = lines;
        this.confirmations = confirmations;
        this.notifier = notifier;
        this.auditTrail = auditTrail;
    }

    private static String waveId(DelegateTask task) {
        return task.getExecution().getProcessBusinessKey();
    }

    @Override
    protected String name(DelegateTask task) {
        return "Delete API tokens in REDCap " + fact(task, ControlCenterWorklistVariables.ENVIRONMENT)
                + "'s Control Center";
    }

    @Override
    protected String group() {
        return ContractGroups.ADMINS;
    }

    /** Anyone of the group: a line about an administrator's own token is refused line by line. */
    @Override
    protected Exclusions excluded(DelegateTask task) {
        return new Exclusions();
    }

    @Override
    protected AuditRef about(DelegateTask task) {
        return new AuditRef(null, null);
    }

    /** Shows the open lines and mails them, once, to the administrators the task is offered to. */
    @Override
    protected void show(DelegateTask task) {
        String environment = lines.environmentOf(waveId(task))
                .orElseThrow(() -> new IllegalStateException("No worklist wave " + waveId(task))).name();
        List<WorklistLine> open = lines.openOf(waveId(task));
        String text = WorklistTaskView.text(open);
        task.setVariableLocal(WORKLIST_LINES, text);
        notifier.send(new Notification(List.copyOf(candidates.offeredTo(task)), List.of(),
                MailKind.CONTROL_CENTER_WORKLIST, Map.of("environment", environment, "count", (long) open.size(),
                        "lines", text)));
    }

    @Override
    protected List<String> problems(DelegateTask task) {
        List<String> problems = new ArrayList<>();
        String admin = TaskActor.of(task);
        for (String number : numbers(task, problems)) {
            Optional<WorklistLine> line = lineOfThisWave(task, number);
            if (line.isEmpty()) {
                problems.add("#" + number + " is no open line of this worklist.");
            } else {
                confirmations.problemWithTick(line.get(), admin).ifPresent(problems::add);
            }
        }
        return problems;
    }

    @Override
    protected void completed(DelegateTask task, String admin) {
        List<String> ticked = new ArrayList<>();
        for (String number : numbers(task, new ArrayList<>())) {
            lineOfThisWave(task, number).ifPresent(line -> {
                confirmations.tick(line, admin);
                ticked.add("#" + line.number());
            });
        }
        auditTrail.record(admin, AuditAction.CONTROL_CENTER_WAVE_COMPLETED, null, null, "Control Center worklist "
                + waveId(task) + " done" + (ticked.isEmpty() ? "" : "; confirmed by " + admin + ": " + String.join(", ", ticked))
                + "; still open: " + lines.openOf(waveId(task)).size());
    }

    private Optional<WorklistLine> lineOfThisWave(DelegateTask task, String number) {
        return lines.open(Long.parseLong(number)).filter(line -> line.waveId().equals(waveId(task)));
    }

    /** The line numbers submitted ("17, 18" or "#17 #18"); anything else is a problem. */
    private static Set<String> numbers(DelegateTask task, List<String> problems) {
        Object value = task.getVariable(CONFIRMED_BY_ME);
        Set<String> numbers = new LinkedHashSet<>();
        if (value == null) {
            return numbers;
        }
        if (!(value instanceof String text)) {
            problems.add("Confirmed by me must be text: line numbers such as 17, 18.");
            return numbers;
        }
        for (String part : text.split("[,;\\s]+")) {
            String number = part.startsWith("#") ? part.substring(1) : part;
            if (number.isEmpty()) {
                continue;
            }
            if (!number.matches("\\d{1,12}")) {
                problems.add("'" + part + "' is no line number.");
            } else {
                numbers.add(String.valueOf(Long.parseLong(number)));
            }
        }
        return numbers;
    }
}
