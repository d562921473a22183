package org.tokengov.inactivity;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.lifecycle.RevocationReason;
import org.tokengov.lifecycle.TokenLifecycles;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.redcap.RateBudgets;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapProperties;
import org.tokengov.redcaplog.RedcapLogReader;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;

/**
 * One batch of the inactivity sweep: the live tokens of the next holders (in name order after a cursor), at most
 * {@link #batchSize()} of them. The sweep's first batch has the log reader catch up with each REDCap server's log
 * (once per sweep, incrementally: never a whole log history per token), which records every token's last API use in
 * the registry; each batch then decides on the registry's {@code lastUsedAt}. The holder is warned once per
 * inactivity period, and a token unused for the whole period is revoked through its lifecycle process (which
 * removes it from REDCap). If a log cannot be read the batch fails (and is retried): no token is revoked on a last
 * use that was not brought up to date.
 */
@Service
public class InactivitySweep {

    private static final Logger log = LoggerFactory.getLogger(InactivitySweep.class);

    /** The outcome of one batch; {@code cursor} is the last holder checked (null when there was none). */
    public record BatchResult(String cursor, boolean more, int checked, int warned, int revoked) {
    }

    private final TokenRegistry registry;
    private final RedcapProperties servers;
    private final RedcapLogReader logReader;
    private final RateBudgets budgets;
    private final TokenLifecycles lifecycles;
    private final Notifier notifier;
    private final AuditTrail auditTrail;
    private final InactivityWarnings warnings;
    private final InactivityProperties properties;
    private final InactivityRule rule;
    private final Clock clock;

    InactivitySweep(TokenRegistry registry, RedcapProperties servers, RedcapLogReader logReader, RateBudgets budgets,
            TokenLifecycles lifecycles, Notifier notifier, AuditTrail auditTrail, InactivityWarnings warnings,
            InactivityProperties properties, Clock clock) {
        this.registry = registry;
        this.servers = servers;
        this.logReader = logReader;
        this.budgets = budgets;
        this.lifecycles = lifecycles;
        this.notifier = notifier;
        this.auditTrail = auditTrail;
        this.warnings = warnings;
        this.properties = properties;
        this.rule = new InactivityRule(properties);
        this.clock = clock;
    }

    /**
     * The budget share of the smallest configured REDCap budget, at least one token: the size the sweep's batches
     * had when each token cost a REDCap call, kept so batches stay small transactions a minute apart.
     */
    public int batchSize() {
        int smallest = Integer.MAX_VALUE;
        for (RedcapEnvironment environment : RedcapEnvironment.values()) {
            try {
                smallest = Math.min(smallest, budgets.of(environment).permitsPerWindow());
            } catch (IllegalStateException notConfigured) {
                // an environment without a server has no tokens to check
            }
        }
        return smallest == Integer.MAX_VALUE ? 1 : Math.max(1, (int) Math.floor(smallest * properties.budgetShare()));
    }

    /** Checks the live tokens of the holders after {@code cursor} (null: from the first), one batch's worth. */
    public BatchResult checkBatch(String cursor) {
        if (cursor == null) {
            servers.environments().keySet().stream().sorted().forEach(logReader::catchUp);
        }
        int size = batchSize();
        List<String> holders = new ArrayList<>(registry.liveHolders());
        holders.sort(String::compareTo);
        List<IssuedToken> batch = new ArrayList<>();
        String last = cursor;
        boolean more = false;
        for (String holder : holders) {
            if (cursor != null && holder.compareTo(cursor) <= 0) {
                continue;
            }
            List<IssuedToken> live = registry.ofHolder(holder).stream().filter(token -> token.state().isLive()).toList();
            if (!batch.isEmpty() && batch.size() + live.size() > size) {
                more = true;
                break;
            }
            batch.addAll(live);
            last = holder;
        }
        int warned = 0;
        int revoked = 0;
        Instant now = clock.instant();
        for (IssuedToken token : batch) {
            switch (check(token, now)) {
                case WARN -> warned++;
                case REVOKE -> revoked++;
                case KEEP -> { }
            }
        }
        return new BatchResult(last, more, batch.size(), warned, revoked);
    }

    private InactivityVerdict check(IssuedToken token, Instant now) {
        Instant lastUse = token.lastUsedAt();
        Instant since = InactivityRule.inactiveSince(token.issuedAt(), lastUse);
        InactivityVerdict verdict = rule.decide(since, warnings.warnedFor(token.id()).orElse(null), now);
        String lastUsed = lastUse == null ? "never used, issued " + day(token.issuedAt()) : "last used " + day(lastUse);
        if (verdict == InactivityVerdict.WARN) {
            String due = day(rule.revocationDue(since));
            notifier.send(Notification.toUser(token.holder(), MailKind.INACTIVITY_WARNING, Map.of(
                    "environment", token.environment().name(), "project", token.projectId(), "since", day(since),
                    "due", due, "unusedPeriod", properties.unusedPeriod().toString())));
            warnings.recordWarned(token.id(), since, now);
            auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.INACTIVITY_WARNING_SENT, token.requestId(), token.id(),
                    lastUsed + "; revocation due " + due);
        } else if (verdict == InactivityVerdict.REVOKE) {
            try {
                lifecycles.revoke(token.id(), RevocationReason.INACTIVITY, AuditTrail.SYSTEM_ACTOR);
                auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.INACTIVITY_REVOCATION_REQUESTED, token.requestId(),
                        token.id(), lastUsed + "; unused for " + properties.unusedPeriod());
            } catch (MismatchingMessageCorrelationException noLifecycle) {
                log.error("Token {} is unused for {} but has no lifecycle process to revoke it", token.id(),
                        properties.unusedPeriod());
                auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.INACTIVITY_REVOCATION_FAILED, token.requestId(),
                        token.id(), lastUsed + "; no TokenLifecycleProcess to revoke it: revoke by hand");
                return InactivityVerdict.KEEP;
            }
        }
        return verdict;
    }

    private static String day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
