package org.tokengov.reconciliation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tokengov.issuance.IssuancesInProgress;
import org.tokengov.ledger.LedgerCases;
import org.tokengov.ledger.TokenCase;
import org.tokengov.lifecycle.TokenHolds;
import org.tokengov.redcap.RedcapApi;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapException;
import org.tokengov.redcap.RedcapProjectUser;
import org.tokengov.redcap.RedcapProperties;
import org.tokengov.redcaplog.RedcapLogReader;
import org.tokengov.redcaplog.RedcapTokenEvents;
import org.tokengov.redcaplog.TokenEventInRedcap;
import org.tokengov.redcaplog.TokenEventKind;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;

/**
 * Reconciliation of a manual-mode environment, where REDCap's database is out of reach: the token events the log reader
 * kept since the last run, and REDCap's user export for the projects where a right switched on would undo something of
 * this system's (a hold, a revocation waiting for its deletion). Users are read only for those projects, once each,
 * within the log reader's share of the environment's rate budget; a project left unread waits for the next run. What this mode cannot see (a token nobody's log row names, a regenerated value,
 * super tokens) is stated in docs/operator-guide.md.
 */
@Component
class ManualModeReconciliation {

    private static final Logger log = LoggerFactory.getLogger(ManualModeReconciliation.class);
    static final String REGENERATE_BY_HAND = "Task_RegenerateInControlCenter";

    /** What one environment's run found and did. */
    record Outcome(int failed, List<ReconciliationReport.Item> items) {
    }

    private final RedcapTokenEvents tokenEvents;
    private final RedcapApi redcap;
    private final RedcapProperties servers;
    private final TokenRegistry registry;
    private final IssuancesInProgress issuances;
    private final LedgerCases cases;
    private final TokenHolds holds;
    private final RuntimeService runtime;
    private final ReconciledProjects reconciled;
    private final ManualModeActions actions;
    private final RedcapLogReader logReader;

    ManualModeReconciliation(RedcapTokenEvents tokenEvents, RedcapApi redcap, RedcapProperties servers,
            TokenRegistry registry, IssuancesInProgress issuances, LedgerCases cases, TokenHolds holds,
            RuntimeService runtime, ReconciledProjects reconciled, ManualModeActions actions,
            RedcapLogReader logReader) {
        this.tokenEvents = tokenEvents;
        this.redcap = redcap;
        this.servers = servers;
        this.registry = registry;
        this.issuances = issuances;
        this.cases = cases;
        this.holds = holds;
        this.runtime = runtime;
        this.reconciled = reconciled;
        this.actions = actions;
        this.logReader = logReader;
    }

    Outcome reconcile(RedcapEnvironment environment, Reconciliation.Scope scope, boolean dryRun) {
        Set<Long> projects = new TreeSet<>(servers.server(environment).enrolledProjects());
        projects.removeIf(projectId -> !scope.covers(projectId));
        Map<Long, Long> actedOn = reconciled.lastTokenEvents(environment);
        long from = projects.stream().mapToLong(projectId -> actedOn.getOrDefault(projectId, 0L)).min().orElse(0);
        List<TokenEventInRedcap> events = tokenEvents.after(environment, from).stream()
                .filter(event -> projects.contains(event.projectId())
                        && event.id() > actedOn.getOrDefault(event.projectId(), 0L))
                .sorted(Comparator.comparingLong(TokenEventInRedcap::id)).toList();
        List<IssuedToken> registered = registry.inEnvironment(environment).stream()
                .filter(token -> projects.contains(token.projectId())).toList();
        Set<Long> onboarded = reconciled.of(environment);
        Map<Long, List<RedcapProjectUser>> users = users(environment, events, registered);
        // A project whose users the budget share left unread waits, with its events, for the next run.
        List<TokenEventInRedcap> readable = events.stream().filter(event -> event.username() == null
                || users.containsKey(event.projectId())).toList();
        Map<Long, Long> firstLeft = new HashMap<>();
        events.stream().filter(event -> event.username() != null && !users.containsKey(event.projectId()))
                .forEach(event -> firstLeft.merge(event.projectId(), event.id(), Math::min));
        List<ManualModeFinding> findings = ManualModeComparison.compare(environment, readable, registered, users,
                onboarded, ownDoings(environment, readable, registered));
        List<ReconciliationReport.Item> items = new ArrayList<>();
        int failed = 0;
        for (ManualModeFinding finding : findings) {
            try {
                actions.act(finding, dryRun).ifPresent(items::add);
            } catch (RedcapException e) {
                failed++;
                if (finding.event() != null) {
                    // Read again next time, with the project's later events: a notice may then be sent twice.
                    firstLeft.merge(finding.projectId(), finding.event().id(), Math::min);
                }
                log.warn("Reconciliation could not act on {} ({}): {}", finding.kind(), finding.describe(), e.getMessage());
            }
        }
        if (!dryRun) {
            Map<Long, Long> lastRead = new HashMap<>();
            events.forEach(event -> lastRead.merge(event.projectId(), event.id(), Math::max));
            lastRead.forEach((projectId, last) -> reconciled.actedOnTokenEvents(environment, projectId,
                    Math.min(last, firstLeft.getOrDefault(projectId, Long.MAX_VALUE) - 1)));
            reconciled.add(environment, projects);
        }
        return new Outcome(failed, items);
    }

    /** REDCap's users of the projects where a token event happened or a right switched on would undo ours. */
    private Map<Long, List<RedcapProjectUser>> users(RedcapEnvironment environment, List<TokenEventInRedcap> events,
            List<IssuedToken> registered) {
        Set<Long> projects = new TreeSet<>();
        events.stream().filter(event -> event.username() != null).map(TokenEventInRedcap::projectId).forEach(projects::add);
        registered.stream().filter(token -> token.state() == TokenState.SUSPENDED
                || token.state() == TokenState.REVOCATION_PENDING).map(IssuedToken::projectId).forEach(projects::add);
        Map<Long, List<RedcapProjectUser>> users = new HashMap<>();
        for (Long projectId : projects) {
            if (!logReader.withinShare(environment)) {
                log.info("Reconciling REDCap {} stops reading users at its budget share: {} of {} projects read, the"
                        + " rest next time", environment, users.size(), projects.size());
                break;
            }
            users.put(projectId, redcap.projectUsers(environment, projectId));
        }
        return users;
    }

    private ManualModeComparison.OwnDoings ownDoings(RedcapEnvironment environment, List<TokenEventInRedcap> events,
            List<IssuedToken> registered) {
        Set<Reconciler.Key> issuing = issuances.now().stream().filter(token -> token.environment() == environment)
                .map(token -> new Reconciler.Key(environment.name(), token.projectId(),
                        token.holder().toLowerCase(Locale.ROOT)))
                .collect(Collectors.toSet());
        Set<String> regenerated = events.stream().filter(event -> event.kind() == TokenEventKind.REGENERATED
                && event.username() != null).map(event -> event.projectId() + "/" + event.username().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        Map<String, List<Instant>> handRegenerations = new HashMap<>();
        registered.stream().filter(token -> token.state().isLive()
                && regenerated.contains(token.projectId() + "/" + token.holder().toLowerCase(Locale.ROOT)))
                .forEach(token -> handRegenerations.put(token.id(),
                        cases.token(token.id()).map(TokenCase::regeneratedAt).orElse(List.of())));
        Set<String> regeneratingByHand = regenerated.isEmpty() ? Set.of()
                : runtime.createProcessInstanceQuery().activityIdIn(REGENERATE_BY_HAND).list().stream()
                        .map(ProcessInstance::getBusinessKey).collect(Collectors.toSet());
        Set<String> heldByRightsOff = registered.stream().filter(token -> token.state() == TokenState.SUSPENDED)
                .filter(holds::heldByRightsOff).map(IssuedToken::id).collect(Collectors.toSet());
        return new ManualModeComparison.OwnDoings(issuing, handRegenerations, regeneratingByHand, heldByRightsOff);
    }
}
