package org.tokengov.fairuse;

import java.time.Clock;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.redcaplog.TokenValueInRedcapLog;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.usage.Certainty;
import org.tokengov.usage.FairUseFindings;
import org.tokengov.usage.FairUseRule;

/**
 * {@code TOKEN_IN_REDCAP_LOG}: a failed request wrote a live token's value into the project's log, which every user
 * with logging rights can read. The token's lifecycle already treats it as a compromise (a new value); this records it
 * among the fair-use findings too, confirmed and severe, so administrators see it beside the others. It opens no case:
 * the compromise path is the remedy. Runs in the log reader's transaction, as the compromise report does.
 */
@Component
class TokenValueFoundInRedcapLog {

    private final TokenRegistry registry;
    private final FairUseFindings findings;
    private final AuditTrail auditTrail;
    private final Clock clock;

    TokenValueFoundInRedcapLog(TokenRegistry registry, FairUseFindings findings, AuditTrail auditTrail, Clock clock) {
        this.registry = registry;
        this.findings = findings;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @EventListener
    void leaked(TokenValueInRedcapLog leak) {
        IssuedToken token = registry.find(leak.tokenId()).orElse(null);
        if (token == null) {
            return;
        }
        Instant now = clock.instant();
        String observed = "The token's value is in REDCap " + leak.environment() + "'s log (" + leak.where() + "),"
                + " written there by a failed API request; every project user with logging rights can read it. The token"
                + " is treated as compromised: its value is being replaced.";
        findings.record(new FairUseFindings.NewFinding(FairUseRule.TOKEN_IN_REDCAP_LOG, Certainty.CONFIRMED, true,
                token.id(), token.holder(), token.environment(), token.projectId(), now, now, observed), now)
                .ifPresent(finding -> auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.FAIR_USE_FINDING,
                        token.requestId(), token.id(), finding.rule() + " (confirmed, severe): " + leak.where()));
    }
}
