package org.tokengov.controlcenter;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.redcap.RedcapApi;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapProjectUser;
import org.tokengov.redcaplog.RedcapTokenEvents;
import org.tokengov.redcaplog.TokenEventInRedcap;
import org.tokengov.redcaplog.TokenEventKind;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;

/**
 * Ticks the worklist off from REDCap's log. A pending revocation is confirmed by a deletion event on the token's
 * project after the deletion was asked (to the minute: the API's log has no seconds) that names the token's holder:
 * REDCap's database log names the user; the API's log export of a Control Center deletion names only the
 * administrator who acted, so such a row alone never confirms anything. Then an administrator confirms the line in the
 * worklist, and the system checks that REDCap's log shows a deletion on that project since the line was asked, which
 * no other line claimed (one event, one line); the confirmation is recorded with the administrator's name. Nobody
 * confirms a line about their own token. Variables of the process or the task never confirm anything.
 */
@Service
public class RevocationConfirmations {

    private final WorklistLines lines;
    private final RedcapTokenEvents events;
    private final TokenRegistry registry;
    private final RedcapApi redcap;
    private final AuditTrail auditTrail;
    private final ApplicationEventPublisher publisher;
    private final WorklistTaskView view;
    private final Clock clock;

    RevocationConfirmations(WorklistLines lines, RedcapTokenEvents events, TokenRegistry registry, RedcapApi redcap,
            AuditTrail auditTrail, ApplicationEventPublisher publisher, WorklistTaskView view, Clock clock) {
        this.lines = lines;
        this.events = events;
        this.registry = registry;
        this.redcap = redcap;
        this.auditTrail = auditTrail;
        this.publisher = publisher;
        this.view = view;
        this.clock = clock;
    }

    /**
     * Ticks off every open line of the environment whose deletion REDCap's log names (revocations become revoked);
     * returns how many. Called by each worklist's timer, and by whoever has just read REDCap's log.
     */
    @Transactional
    public int confirmFromRedcapLog(RedcapEnvironment environment) {
        Set<String> changedWaves = new LinkedHashSet<>();
        int confirmed = 0;
        for (WorklistLine line : lines.open(environment)) {
            if (line.kind() == WorkKind.RELEASE_BY_HAND) {
                continue;
            }
            Optional<TokenEventInRedcap> deletion = deletionFor(line, true);
            if (deletion.isPresent() && confirm(line, Confirmation.REDCAP_LOG, AuditTrail.SYSTEM_ACTOR, deletion.get())) {
                changedWaves.add(line.waveId());
                confirmed++;
            }
        }
        changedWaves.forEach(view::refresh);
        return confirmed;
    }

    /** What stands against {@code admin} ticking the line off, in words they understand; empty if nothing. */
    Optional<String> problemWithTick(WorklistLine line, String admin) {
        if (line.holder().toLowerCase(Locale.ROOT).equals(admin.toLowerCase(Locale.ROOT))) {
            return Optional.of("#" + line.number() + " is about your own token: another administrator confirms it.");
        }
        return switch (line.kind()) {
            case DELETE_TOKEN -> deletionFor(line, false).isPresent() ? Optional.empty() : Optional.of(noDeletion(line));
            case HOLD_BY_HAND -> deletionFor(line, false).isPresent() || !apiRightsOn(line) ? Optional.empty()
                    : Optional.of("#" + line.number() + ": REDCap shows the token neither deleted since " + line.askedAt()
                            + " nor without API rights.");
            case RELEASE_BY_HAND -> Optional.empty();
        };
    }

    /** Ticks the line off for {@code admin}, whose tick {@link #problemWithTick} found nothing against. */
    void tick(WorklistLine line, String admin) {
        TokenEventInRedcap deletion = line.kind() == WorkKind.RELEASE_BY_HAND ? null : deletionFor(line, false).orElse(null);
        confirm(line, Confirmation.ADMINISTRATOR, admin, deletion);
    }

    private boolean confirm(WorklistLine line, Confirmation confirmation, String by, TokenEventInRedcap deletion) {
        if (!lines.markDone(line.number(), confirmation, by, deletion == null ? null : deletion.id())) {
            return false;
        }
        String how = confirmation == Confirmation.REDCAP_LOG ? "REDCap's log names the deletion"
                : deletion == null ? "done, says " + by
                : "confirmed by " + by + "; REDCap's log shows a deletion on the project at " + deletion.at();
        if (line.kind() == WorkKind.DELETE_TOKEN) {
            Instant deletedAt = deletedAt(line, deletion);
            IssuedToken token = registry.confirmRevocation(line.tokenId(), deletedAt);
            auditTrail.record(by, AuditAction.TOKEN_REVOCATION_CONFIRMED, token.requestId(), token.id(),
                    about(line) + " deleted in REDCap (" + line.reason() + "): " + how);
            publisher.publishEvent(new TokenRevocationConfirmed(token.id(), deletedAt));
        } else {
            auditTrail.record(by, AuditAction.CONTROL_CENTER_WORK_DONE, null, line.tokenId(), line.text() + " " + how);
        }
        return true;
    }

    /**
     * When REDCap deleted the token: its log's time, which the API gives to the minute, so never before the deletion was
     * asked; now if no log row is known.
     */
    private Instant deletedAt(WorklistLine line, TokenEventInRedcap deletion) {
        if (deletion == null) {
            return clock.instant();
        }
        return deletion.at().isBefore(line.askedAt()) ? line.askedAt() : deletion.at();
    }

    /**
     * The deletion of a token on the line's project since it was asked that no other line claimed; {@code namedOnly}:
     * only one whose row names the line's holder.
     */
    private Optional<TokenEventInRedcap> deletionFor(WorklistLine line, boolean namedOnly) {
        Instant since = line.askedAt().truncatedTo(ChronoUnit.MINUTES);
        return events.about(line.environment(), line.projectId(), line.holder(), 0).stream()
                .filter(event -> event.kind() == TokenEventKind.DELETED && event.projectId() == line.projectId())
                .filter(event -> !event.at().isBefore(since))
                .filter(event -> event.username() == null ? !namedOnly : event.username().equalsIgnoreCase(line.holder()))
                .filter(event -> !lines.eventUsed(line.environment(), event.id()))
                .findFirst();
    }

    private boolean apiRightsOn(WorklistLine line) {
        return redcap.findProjectUser(line.environment(), line.projectId(), line.holder())
                .map(RedcapProjectUser::apiRights).map(rights -> rights.any()).orElse(false);
    }

    private static String noDeletion(WorklistLine line) {
        return "#" + line.number() + ": REDCap's log shows no token deleted on project " + line.projectId() + " since "
                + line.askedAt() + ". Delete it in the Control Center first (the log is read every 15 minutes).";
    }

    private static String about(WorklistLine line) {
        return "The " + line.environment() + " API token of " + line.holder() + " on REDCap project " + line.projectId();
    }
}
