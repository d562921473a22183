package org.tokengov.controlcenter;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.identity.SystemAuthority;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;

/**
 * Asks REDCap's administrators for what only they can do by hand. The wave rule: a line joins the environment's open
 * wave; if none is open, it opens one and starts its worklist (one task for {@code redcap-admins}, one mail). The
 * task is created by a job of its own, so the lines of a burst (many departures' tokens, revoked side by side) are
 * there when it is first shown; later lines join the open task. When a wave ends, its open lines move to the next.
 * The environment's worklist row is locked while a line is added, so parallel revocations never open two waves.
 * Asking twice for the same open thing adds nothing (jobs are retried).
 */
@Service
public class ControlCenterWorklist {

    private final WorklistLines lines;
    private final WorklistTaskView view;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final AuditTrail auditTrail;

    ControlCenterWorklist(WorklistLines lines, WorklistTaskView view, RuntimeService runtime, IdentityService identity,
            AuditTrail auditTrail) {
        this.lines = lines;
        this.view = view;
        this.runtime = runtime;
        this.identity = identity;
        this.auditTrail = auditTrail;
    }

    /**
     * The token's deletion in the Control Center, for {@code reason}; {@code rightsOff}: whether its API rights could
     * be turned off meanwhile (not for a member of a REDCap user role).
     */
    @Transactional
    public void askToDelete(IssuedToken token, String reason, boolean rightsOff) {
        add(token, WorkKind.DELETE_TOKEN, reason, rightsOff
                ? "Its API rights are off meanwhile (REDCap refuses it), but the value stays in REDCap until deleted."
                : token.holder() + " is in a REDCap user role: the API could not turn their API rights off, so the token"
                        + " still works. Delete it in the Control Center now (or remove the user from the role).");
    }

    /** A hold REDCap's API could not place: the holder is in a user role. */
    @Transactional
    public void askToHold(IssuedToken token) {
        add(token, WorkKind.HOLD_BY_HAND, "HOLD", token.holder() + " is in a REDCap user role, which the API cannot"
                + " change. Until the hold ends, delete the token in the Control Center, or move the user out of the role"
                + " and switch their API rights off.");
    }

    /** A hold placed by hand ended. */
    @Transactional
    public void askToRelease(IssuedToken token) {
        add(token, WorkKind.RELEASE_BY_HAND, "HOLD_ENDED", "The hold ended: undo what was done in REDCap for it (a"
                + " deleted token: " + token.holder() + " asks for a new one on the project's API page).");
    }

    private void add(IssuedToken token, WorkKind kind, String reason, String note) {
        Optional<String> open = lines.lockOpenWave(token.environment());
        if (lines.isOpen(token.id(), kind)) {
            return;
        }
        String wave = open.orElseGet(() -> lines.openWave(token.environment()));
        lines.add(wave, token, kind, reason, note);
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.CONTROL_CENTER_WORK_ASKED, token.requestId(), token.id(),
                kind + " in " + token.environment() + "'s Control Center, wave " + wave + ": " + note);
        if (open.isEmpty()) {
            start(token.environment(), wave);
        } else {
            view.refresh(wave);
        }
    }

    /** The wave's worklist ended (done, or completed by an administrator); returns how many of its lines are open. */
    @Transactional
    long close(String waveId) {
        RedcapEnvironment environment = lines.environmentOf(waveId)
                .orElseThrow(() -> new IllegalStateException("No worklist wave " + waveId));
        lines.lockOpenWave(environment);
        lines.closeWave(environment, waveId);
        return lines.openOf(waveId).size();
    }

    /** The open lines of a closed wave join the open wave, or open the next. */
    @Transactional
    void carryOver(String waveId) {
        RedcapEnvironment environment = lines.environmentOf(waveId)
                .orElseThrow(() -> new IllegalStateException("No worklist wave " + waveId));
        Optional<String> open = lines.lockOpenWave(environment);
        if (lines.openOf(waveId).isEmpty()) {
            return;
        }
        String next = open.orElseGet(() -> lines.openWave(environment));
        lines.move(waveId, next);
        if (open.isEmpty()) {
            start(environment, next);
        } else {
            view.refresh(next);
        }
    }

    long openLines(String waveId) {
        return lines.openOf(waveId).size();
    }

    private void start(RedcapEnvironment environment, String wave) {
        SystemAuthority.run(identity, () -> runtime.startProcessInstanceByKey(ControlCenterWorklistVariables.PROCESS, wave,
                Variables.createVariables().putValue(ControlCenterWorklistVariables.ENVIRONMENT, environment.name())
                        .putValue(ControlCenterWorklistVariables.OPEN_LINES, lines.openOf(wave).size() * 1L)));
    }
}
