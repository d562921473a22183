package org.tokengov.fairuse;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapProperties;
import org.tokengov.redcaplog.RedcapLogReader;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.registry.TokenRequests;
import org.tokengov.usage.Certainty;
import org.tokengov.usage.FairUseFindings;
import org.tokengov.usage.Finding;
import org.tokengov.usage.ReportedExport;
import org.tokengov.usage.HourCount;
import org.tokengov.usage.MinuteCount;
import org.tokengov.usage.ReportedCalls;
import org.tokengov.usage.TokenUsage;
import org.tokengov.usage.UsageKey;
import org.tokengov.usage.UsageProperties;

/**
 * Evaluates the fair-use rules on what the log reader counted, for every live token that called in the look-back
 * (a day by default; the repeated-export rule looks back its own window), and records what they find. A finding new
 * for its token, rule and day (or a suspicion just confirmed) is audited; a confirmed one opens a misuse case, or
 * joins the one open for its token and rule. A suspected finding stays with the administrators. The counts are read
 * in a few queries for everyone, not per token, so a large institution's day is evaluated in seconds.
 */
@Service
public class FairUseMonitor {

    private static final Logger log = LoggerFactory.getLogger(FairUseMonitor.class);

    /** What one evaluation did. */
    public record Evaluation(int tokensWithCalls, int observations, List<Finding> newFindings, int casesOpened) {
    }

    private final TokenUsage usage;
    private final FairUseFindings findings;
    private final TokenRegistry registry;
    private final TokenRequests requests;
    private final ReportedCalls reported;
    private final FairUseCases cases;
    private final AuditTrail auditTrail;
    private final FairUseProperties properties;
    private final PollingRule polling;
    private final PeakHourBulkExportRule peakHourBulkExport;
    private final RepeatedFullExportRule repeatedFullExport;
    private final DeclaredUsageRule declaredUsage;
    private final RedcapProperties servers;
    private final RedcapLogReader logReader;
    private final UsageProperties usageProperties;

    FairUseMonitor(TokenUsage usage, FairUseFindings findings, TokenRegistry registry, TokenRequests requests,
            ReportedCalls reported, FairUseCases cases, AuditTrail auditTrail, FairUseProperties properties,
            RedcapProperties servers, RedcapLogReader logReader, UsageProperties usageProperties) {
        this.usageProperties = usageProperties;
        this.servers = servers;
        this.logReader = logReader;
        this.usage = usage;
        this.findings = findings;
        this.registry = registry;
        this.requests = requests;
        this.reported = reported;
        this.cases = cases;
        this.auditTrail = auditTrail;
        this.properties = properties;
        this.polling = new PollingRule(properties);
        this.peakHourBulkExport = new PeakHourBulkExportRule(properties);
        this.repeatedFullExport = new RepeatedFullExportRule(properties);
        this.declaredUsage = new DeclaredUsageRule(properties);
    }

    /** Reads what is new in the log of every environment (incrementally: each row once). */
    public void collect() {
        servers.environments().keySet().stream().sorted().forEach(logReader::catchUp);
    }

    @Transactional
    public Evaluation evaluate(Instant now) {
        Instant from = now.minus(properties.lookBack());
        // A day back further than the look-back, so the first REDCap day it touches is counted whole in any zone.
        Instant hoursFrom = from.minus(Duration.ofDays(1));
        Instant exportsFrom = now.minus(Duration.ofDays(properties.repeatedFullExport().windowDays()));
        Map<UsageKey, List<MinuteCount>> busyMinutes = usage.busyMinutes(from, now, properties.polling().callsPerMinute());
        Map<UsageKey, List<HourCount>> hours = usage.hoursOfEveryone(hoursFrom, now, false);
        Map<UsageKey, List<HourCount>> exportHours = usage.hoursOfEveryone(exportsFrom, now, true);
        Map<UsageKey, List<ReportedExport>> reportedExports = reported.recordExportsOfEveryone(exportsFrom, now);
        Map<UsageKey, IssuedToken> live = liveTokens();
        List<Finding> newFindings = new ArrayList<>();
        int observations = 0;
        int casesOpened = 0;
        for (UsageKey key : hours.keySet()) {
            IssuedToken token = live.get(key);
            if (token == null) {
                continue;
            }
            List<Observation> seen = evaluate(token, key, busyMinutes.getOrDefault(key, List.of()), hours.get(key),
                    exportHours.getOrDefault(key, List.of()), reportedExports.getOrDefault(key, List.of()), from, now);
            observations += seen.size();
            for (Observation observation : seen) {
                Optional<Finding> recorded = record(token, observation, now);
                if (recorded.isEmpty()) {
                    continue;
                }
                newFindings.add(recorded.get());
                if (recorded.get().certainty() == Certainty.CONFIRMED) {
                    cases.open(recorded.get());
                    casesOpened++;
                }
            }
        }
        usage.prune(now);
        reported.prune(now.minus(usageProperties.reportedCallRetention()));
        Evaluation evaluation = new Evaluation(hours.size(), observations, newFindings, casesOpened);
        log.info("Fair use evaluated: {} users with calls, {} observations, {} new findings, {} cases opened or joined",
                evaluation.tokensWithCalls(), observations, newFindings.size(), casesOpened);
        return evaluation;
    }

    private List<Observation> evaluate(IssuedToken token, UsageKey key, List<MinuteCount> minutes, List<HourCount> hours,
            List<HourCount> exportHours, List<ReportedExport> exports, Instant from, Instant now) {
        ZoneId zone = usage.zone(key.environment());
        List<HourCount> lookedAt = hours.stream().filter(hour -> !hour.hour().isBefore(RedcapDays.startOf(
                RedcapDays.day(from, zone), zone))).toList();
        List<Observation> seen = new ArrayList<>();
        polling.evaluate(minutes, zone).ifPresent(seen::add);
        boolean exported = !exportHours.isEmpty() || !exports.isEmpty();
        seen.addAll(peakHourBulkExport.evaluate(lookedAt, exports.stream().filter(e -> !e.at().isBefore(from)).toList(),
                zone));
        if (exported) {
            repeatedFullExport.evaluate(exportHours, exports, zone, now).ifPresent(seen::add);
        }
        // Neither half of the declared-usage rule finds anything in fewer calls than its minimum: no request read.
        long calls = lookedAt.stream().mapToLong(hour -> hour.counts().calls()).sum();
        if (token.environment() == RedcapEnvironment.PROD && token.requestId() != null
                && calls > properties.declaredUsage().minimumCalls()) {
            Optional<TokenRequestRecord> request = requests.find(token.requestId());
            request.ifPresent(declared -> seen.addAll(declaredUsage.evaluate(lookedAt, declared.expectedCallsPerDay(),
                    declared.callSchedule(), zone)));
        }
        return seen;
    }

    private Optional<Finding> record(IssuedToken token, Observation observation, Instant now) {
        Optional<Finding> recorded = findings.record(new FairUseFindings.NewFinding(observation.rule(),
                observation.certainty(), observation.severe(), token.id(), token.holder(), token.environment(),
                token.projectId(), observation.windowStart(), observation.windowEnd(), observation.observed()), now);
        recorded.ifPresent(finding -> auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.FAIR_USE_FINDING,
                token.requestId(), token.id(), finding.rule() + " (" + finding.certainty().name().toLowerCase()
                        + (finding.severe() ? ", severe" : "") + "): " + finding.observed()));
        return recorded;
    }

    /** Live project tokens by their identity in REDCap's log (a user has one token per project). */
    private Map<UsageKey, IssuedToken> liveTokens() {
        Map<UsageKey, IssuedToken> live = new HashMap<>();
        for (IssuedToken token : registry.live()) {
            if (!token.superToken()) {
                live.put(UsageKey.of(token), token);
            }
        }
        return live;
    }
}
