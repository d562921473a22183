package org.tokengov.reconciliation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.issuance.IssuancesInProgress;
import org.tokengov.lifecycle.TokenHolds;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapException;
import org.tokengov.redcap.RedcapInventory;
import org.tokengov.redcap.RedcapProperties;
import org.tokengov.redcap.TokenFingerprint;
import org.tokengov.redcap.TokenInRedcap;
import org.tokengov.redcaplog.RedcapLogReader;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;

/**
 * Compares REDCap with the registry and acts on every difference ({@link FindingActions}). What it compares: in each
 * environment whose REDCap database is readable (the {@code database} mode), the project tokens of the enrolled
 * projects and every super token, but for this system's own steward tokens; in a manual-mode environment, what REDCap's
 * log and user export show ({@link ManualModeReconciliation}). It reads REDCap first, then the issuances in progress, then the registry, so a
 * token issued while it reads is never taken for a stranger; and each finding is checked again with fresh reads
 * before it is acted on. A project seen for the first time is onboarded: its tokens are existing ones, taken in.
 * Two reconciliations of one environment never overlap (a lock row), so a token is never recorded twice. A run first
 * has the log reader catch up with the logs of the environments it compares, so REDCap's token events are there to read.
 */
@Service
public class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    /** Which part of REDCap to compare: an environment (all if null) and, within it, some projects (all if empty). */
    public record Scope(RedcapEnvironment environment, Set<Long> projectIds) {

        public static final Scope EVERYTHING = new Scope(null, Set.of());

        public Scope {
            projectIds = projectIds == null ? Set.of() : Set.copyOf(projectIds);
        }

        boolean covers(RedcapEnvironment candidate) {
            return environment == null || environment == candidate;
        }

        boolean covers(long projectId) {
            return projectIds.isEmpty() || projectIds.contains(projectId);
        }
    }

    private final RedcapInventory inventory;
    private final RedcapProperties servers;
    private final TokenRegistry registry;
    private final IssuancesInProgress issuances;
    private final ReconciledProjects reconciled;
    private final FindingActions actions;
    private final TokenHolds holds;
    private final ManualModeReconciliation manualMode;
    private final AuditTrail auditTrail;
    private final RedcapLogReader logReader;

    Reconciliation(RedcapInventory inventory, RedcapProperties servers, TokenRegistry registry,
            IssuancesInProgress issuances, ReconciledProjects reconciled, FindingActions actions, TokenHolds holds,
            ManualModeReconciliation manualMode, AuditTrail auditTrail, RedcapLogReader logReader) {
        this.inventory = inventory;
        this.servers = servers;
        this.registry = registry;
        this.issuances = issuances;
        this.reconciled = reconciled;
        this.actions = actions;
        this.holds = holds;
        this.manualMode = manualMode;
        this.auditTrail = auditTrail;
        this.logReader = logReader;
    }

    /** The environments reconciliation can see: those whose REDCap database it may read. */
    public List<RedcapEnvironment> readableEnvironments() {
        return servers.environments().keySet().stream().filter(inventory::readable).sorted().toList();
    }

    /** Compares and acts; {@code by}: who started it (the system for the timer). */
    @Transactional
    public ReconciliationReport run(Scope scope, String by) {
        return reconcile(scope, false, by);
    }

    /** Compares and says what would happen, changing nothing (not even which projects count as onboarded). */
    @Transactional(readOnly = true)
    public ReconciliationReport dryRun(Scope scope) {
        return reconcile(scope, true, null);
    }

    private ReconciliationReport reconcile(Scope scope, boolean dryRun, String by) {
        if (!dryRun) {
            servers.environments().keySet().stream().sorted().filter(scope::covers).forEach(logReader::catchUp);
        }
        List<ReconciliationReport.Item> items = new ArrayList<>();
        int tokensInRedcap = 0;
        int failed = 0;
        for (RedcapEnvironment environment : servers.environments().keySet().stream().sorted().toList()) {
            if (!scope.covers(environment)) {
                continue;
            }
            if (!dryRun) {
                reconciled.lock(environment);
            }
            if (!inventory.readable(environment)) {
                ManualModeReconciliation.Outcome outcome = manualMode.reconcile(environment, scope, dryRun);
                items.addAll(outcome.items());
                failed += outcome.failed();
                continue;
            }
            List<TokenInRedcap> inRedcap = read(environment, scope);
            Set<Reconciler.Key> issuing = issuing(environment);
            List<IssuedToken> registered = registry.inEnvironment(environment).stream()
                    .filter(token -> inScope(token.projectId(), environment, scope)).toList();
            Set<Long> onboarded = reconciled.of(environment);
            Set<String> heldWithoutValue = holds.heldWithoutValue(registered.stream()
                    .filter(token -> token.state() == TokenState.SUSPENDED).toList());
            tokensInRedcap += inRedcap.size();
            for (Finding finding : Reconciler.compare(inRedcap, registered, onboarded, issuing, heldWithoutValue)) {
                try {
                    actions.act(finding, dryRun, onboarded).ifPresent(items::add);
                } catch (RedcapException e) {
                    failed++;
                    log.warn("Reconciliation could not act on {} ({}): {}", finding.kind(), finding.describe(), e.getMessage());
                }
            }
            if (!dryRun) {
                reconciled.add(environment, projectsOf(inRedcap, environment, scope));
            }
        }
        ReconciliationReport report = ReconciliationReport.of(dryRun, tokensInRedcap, failed, items);
        if (!dryRun) {
            auditTrail.record(by, AuditAction.RECONCILIATION_COMPLETED, null, null, report.summary());
        }
        log.info("Reconciliation with REDCap: {}", report.summary());
        return report;
    }

    /** REDCap's tokens in scope, but for this system's own steward tokens. */
    private List<TokenInRedcap> read(RedcapEnvironment environment, Scope scope) {
        Set<TokenFingerprint> own = servers.server(environment).stewardFingerprints();
        List<TokenInRedcap> tokens = new ArrayList<>();
        inventory.projectTokens(environment).stream()
                .filter(token -> inScope(token.projectId(), environment, scope) && !own.contains(token.fingerprint()))
                .forEach(tokens::add);
        if (scope.projectIds().isEmpty()) {
            inventory.superTokens(environment).stream().filter(token -> !own.contains(token.fingerprint()))
                    .forEach(tokens::add);
        }
        return tokens;
    }

    /** Enrolled projects (in scope) and, when no projects are named, super tokens. */
    private boolean inScope(long projectId, RedcapEnvironment environment, Scope scope) {
        if (projectId == TokenInRedcap.SUPER_TOKEN_PROJECT) {
            return scope.projectIds().isEmpty();
        }
        return scope.covers(projectId) && servers.server(environment).isEnrolled(projectId);
    }

    /**
     * The enrolled projects in scope: each counts as reconciled from now on, with or without tokens today (a token
     * made on it later was made behind the system's back).
     */
    private Collection<Long> projectsOf(List<TokenInRedcap> inRedcap, RedcapEnvironment environment, Scope scope) {
        Set<Long> projects = new TreeSet<>(servers.server(environment).enrolledProjects());
        projects.removeIf(projectId -> !scope.covers(projectId));
        inRedcap.stream().filter(token -> !token.superToken()).map(TokenInRedcap::projectId).forEach(projects::add);
        return projects;
    }

    private Set<Reconciler.Key> issuing(RedcapEnvironment environment) {
        return issuances.now().stream().filter(issuing -> issuing.environment() == environment)
                .map(issuing -> new Reconciler.Key(environment.name(), issuing.projectId(),
                        issuing.holder().toLowerCase(Locale.ROOT)))
                .collect(Collectors.toSet());
    }
}
