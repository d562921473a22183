package org.tokengov.leaks;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.lifecycle.FoundCompromises;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.redcap.TokenFingerprint;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;

/**
 * Scans an upload for live tokens: every token-shaped value is hashed and looked up in the registry; a live token found
 * is reported compromised by the person who uploaded it, its holder is told where it was, and the scan is audited. All
 * of it in one transaction: a scan that fails reports nothing.
 */
@Service
public class LeakScan {

    private final LeakScanProperties limits;
    private final LeakScans scans;
    private final TokenRegistry registry;
    private final FoundCompromises compromises;
    private final Notifier notifier;
    private final AuditTrail auditTrail;
    private final Clock clock;

    LeakScan(LeakScanProperties limits, LeakScans scans, TokenRegistry registry, FoundCompromises compromises,
            Notifier notifier, AuditTrail auditTrail, Clock clock) {
        this.limits = limits;
        this.scans = scans;
        this.registry = registry;
        this.compromises = compromises;
        this.notifier = notifier;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /**
     * @param upload a text, a file, or a zip, tar or tar.gz of a repository
     * @param by the authenticated person who uploaded it
     * @param reviewOf the request whose code review the upload is for (its gate reads the latest such scan), or null;
     *        the caller has checked that {@code by} may review it
     * @throws UnreadableUpload if it cannot be read whole within the limits (nothing is reported then)
     */
    @Transactional
    public LeakScanResult scan(byte[] upload, String by, String reviewOf) {
        TokenSightings sightings = UploadedFiles.read(upload, limits);
        Map<IssuedToken, String> live = new LinkedHashMap<>();
        sightings.firstSeen().forEach((value, where) -> liveTokensWith(value).forEach(token -> live.putIfAbsent(token, where)));
        int reported = 0;
        int alreadyBeingReplaced = 0;
        int leftToAdministrators = 0;
        for (Map.Entry<IssuedToken, String> found : live.entrySet()) {
            IssuedToken token = found.getKey();
            FoundCompromises.Outcome outcome = compromises.report(token.id(), by);
            auditTrail.record(by, AuditAction.TOKEN_FOUND_IN_UPLOAD, token.requestId(), token.id(),
                    "found at " + found.getValue() + " in an upload to the leak scan; " + outcome.name().toLowerCase()
                            .replace('_', ' '));
            switch (outcome) {
                case REPORTED -> {
                    reported++;
                    tellHolder(token, found.getValue(), by);
                }
                case ALREADY_BEING_REPLACED -> alreadyBeingReplaced++;
                case NO_LIFECYCLE -> leftToAdministrators++;
                case NOT_LIVE -> {
                    // Revoked since the look-up: nothing left to replace.
                }
            }
        }
        LeakScanResult result = new LeakScanResult(sightings.files(), live.size(), reported, alreadyBeingReplaced,
                leftToAdministrators);
        scans.record(reviewOf, by, Instant.now(clock), result);
        auditTrail.record(by, AuditAction.LEAK_SCANNED, reviewOf, null, (reviewOf == null ? "" : "code under review: ")
                + result.filesScanned() + " file(s), " + result.liveTokensFound() + " live token(s) found, " + reported
                + " being regenerated");
        return result;
    }

    private List<IssuedToken> liveTokensWith(TokenFingerprint value) {
        return registry.withFingerprint(value).stream().filter(token -> token.state().isLive()).toList();
    }

    private void tellHolder(IssuedToken token, String where, String by) {
        notifier.send(Notification.toUser(token.holder(), MailKind.TOKEN_FOUND_IN_UPLOAD, Map.of(
                "environment", token.environment().name(), "project", token.projectId(), "where", where,
                "scannedBy", by, "scannedAt", Instant.now(clock).toString())));
    }
}
