package org.tokengov.attestation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.lifecycle.RevocationReason;
import org.tokengov.lifecycle.TokenLifecycles;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;

/** One annual campaign: asks the holders, reminds those who have not attested, revokes after the deadline. */
@Service
public class AttestationCampaigns {

    static final String POLICY_SENTENCES = """
            All token holders are required to attest to the policy on an annual basis. Failure to complete attestation \
            and sign-off may result in revocation of API tokens.
            - API tokens are user specific and must not be shared.
            - API tokens are environment specific: QA for development and testing, production only after review and approval.
            - Never test an API token in a browser or keep it in plain text in a script; remove it from code before sharing.
            - Any change to the code after production release must be re-tested in QA and reviewed.
            - Keep API calls few and filtered; schedule large operations off-peak.
            - Tokens unused for six months are revoked; tell REDCap support when you no longer need a token.""";

    private final PolicyAttestations attestations;
    private final TokenRegistry registry;
    private final TokenLifecycles lifecycles;
    private final Notifier notifier;
    private final AuditTrail auditTrail;
    private final AttestationProperties properties;
    private final Clock clock;

    AttestationCampaigns(PolicyAttestations attestations, TokenRegistry registry, TokenLifecycles lifecycles,
            Notifier notifier, AuditTrail auditTrail, AttestationProperties properties, Clock clock) {
        this.attestations = attestations;
        this.registry = registry;
        this.lifecycles = lifecycles;
        this.notifier = notifier;
        this.auditTrail = auditTrail;
        this.properties = properties;
        this.clock = clock;
    }

    /** Finds who must attest, tells each of them, and returns them. */
    public List<String> start(String campaignId) {
        List<String> holders = attestations.holdersToAsk();
        String due = dueDay();
        for (String holder : holders) {
            notifier.send(Notification.toUser(holder, MailKind.ATTESTATION_REQUESTED, Map.of("due", due)));
            auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.POLICY_ATTESTATION_REQUESTED, null, null,
                    holder + ", campaign " + campaignId + ", due " + due);
        }
        return holders;
    }

    /**
     * Reminds every holder of the campaign who has not attested since it started, with the link to their open task
     * ({@code openTasks}: holder to task id).
     */
    public void remind(List<String> holders, Instant campaignStartedAt, String campaignId, Map<String, String> openTasks) {
        for (String holder : holders) {
            if (!attestations.attestedSince(holder, campaignStartedAt)) {
                Notification reminder = Notification.toUser(holder, MailKind.ATTESTATION_REMINDER, Map.of());
                String task = openTasks.get(holder);
                notifier.send(task == null ? reminder : reminder.aboutTask(task));
                auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.POLICY_ATTESTATION_REMINDED, null, null,
                        holder + ", campaign " + campaignId);
            }
        }
    }

    /**
     * After the deadline: revokes (ATTESTATION_FAILED) every live token of each campaign holder who has not attested
     * since the campaign started, and tells them. Returns the holders whose tokens were revoked.
     */
    public List<String> revokeUnattested(List<String> holders, Instant campaignStartedAt, String campaignId) {
        List<String> failed = new ArrayList<>();
        for (String holder : holders) {
            if (attestations.attestedSince(holder, campaignStartedAt)) {
                continue;
            }
            List<IssuedToken> live = registry.ofHolder(holder).stream().filter(token -> token.state().isLive()).toList();
            live.forEach(token -> lifecycles.revoke(token.id(), RevocationReason.ATTESTATION_FAILED, AuditTrail.SYSTEM_ACTOR));
            auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.POLICY_ATTESTATION_FAILED, null, null,
                    holder + ", campaign " + campaignId + ": " + live.size() + " live token(s) revoked");
            if (!live.isEmpty()) {
                notifier.send(Notification.toUser(holder, MailKind.ATTESTATION_REVOKED, Map.of("count", live.size())));
            }
            failed.add(holder);
        }
        return failed;
    }

    /** The holder's live tokens, one line each, for the attestation form. */
    public String liveTokensText(String holder) {
        return registry.ofHolder(holder).stream().filter(token -> token.state().isLive())
                .map(token -> token.environment() + " project " + token.projectId() + ": " + rights(token)
                        + " (" + token.state() + ", expires " + token.expiresAt().atZone(ZoneOffset.UTC).toLocalDate() + ")")
                .reduce((a, b) -> a + "\n" + b).orElse("no live token");
    }

    private static String rights(IssuedToken token) {
        return token.rightNames().isEmpty() ? "no rights" : String.join(", ", token.rightNames());
    }

    private String dueDay() {
        return clock.instant().plus(properties.deadline()).atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
