package org.tokengov.offboarding;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.identity.ContractGroups;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.offboarding.MassTerminationGuard.Wave;
import org.tokengov.offboarding.TerminationWaveVariables.WaveDecision;

/** The steps of TerminationWaveProcess: the decision (an administrator's, or the deadline's), reminders, release. */
@Service
class TerminationWaves {

    private final MassTerminationGuard guard;
    private final Notifier notifier;
    private final AuditTrail auditTrail;

    TerminationWaves(MassTerminationGuard guard, Notifier notifier, AuditTrail auditTrail) {
        this.guard = guard;
        this.notifier = notifier;
        this.auditTrail = auditTrail;
    }

    Wave wave(String waveId) {
        return guard.wave(waveId);
    }

    void decide(String waveId, WaveDecision decision, String by, String comments) {
        guard.decide(waveId, decision == WaveDecision.CONFIRM, by, comments);
        notifier.send(Notification.toGroup(ContractGroups.ADMINS, MailKind.TERMINATION_WAVE_DECIDED,
                Map.of("decision", decision.name(), "held", guard.members(waveId).size(), "decidedBy", by,
                        "comments", comments == null ? "" : comments)));
    }

    /** Nobody decided by the deadline: HR said these people left, and their tokens stayed refused meanwhile. */
    void confirmAtDeadline(String waveId) {
        decide(waveId, WaveDecision.CONFIRM, AuditTrail.SYSTEM_ACTOR, "no decision by the deadline: confirmed");
    }

    /** Reminds the people the waiting decision is offered to (or its assignee). */
    void remind(String waveId, List<String> people, String taskId) {
        Wave wave = guard.wave(waveId);
        notifier.send(new Notification(people, List.of(), MailKind.TERMINATION_WAVE_REMINDER,
                Map.of("held", wave.members().size(), "openedAt", wave.openedAt().atOffset(ZoneOffset.UTC).toString()))
                .aboutTask(taskId));
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.REMINDER_SENT, null, null,
                "Reminder for the decision on termination wave " + waveId);
    }

    void release(String waveId) {
        guard.release(waveId);
    }
}
