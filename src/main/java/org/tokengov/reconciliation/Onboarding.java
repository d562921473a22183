package org.tokengov.reconciliation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.redcap.RedcapApi;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapProjectUser;
import org.tokengov.redcap.RedcapProperties;
import org.tokengov.registry.TokenRegistry;

/**
 * Taking in the tokens that existed before the system governed their projects. Where REDCap's database is readable,
 * that is a reconciliation of the projects in question (the first one of a project onboards it). Where it is not
 * (API mode), the administrators list the tokens (CSV); each listed holder who is a user of the project is recorded
 * with the rights REDCap's user export gives them and goes the found token's way: adopted with a grace expiry, or
 * revoked if its holder may hold none. Re-running either changes nothing that is already registered.
 */
@Service
public class Onboarding {

    /** The request cannot be carried out as asked; the message says why. Nothing was changed. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    static final String ALREADY_REGISTERED = "ALREADY_REGISTERED";
    static final String NOT_A_PROJECT_USER = "NOT_A_PROJECT_USER";

    private final Reconciliation reconciliation;
    private final RedcapProperties servers;
    private final RedcapApi redcap;
    private final TokenRegistry registry;
    private final FoundTokens foundTokens;
    private final HolderStanding standing;
    private final ServiceAccountCutover cutover;
    private final ReconciliationProperties properties;
    private final AuditTrail auditTrail;
    private final Clock clock;

    Onboarding(Reconciliation reconciliation, RedcapProperties servers, RedcapApi redcap,
            TokenRegistry registry, FoundTokens foundTokens, HolderStanding standing,
            ServiceAccountCutover cutover, ReconciliationProperties properties, AuditTrail auditTrail, Clock clock) {
        this.reconciliation = reconciliation;
        this.servers = servers;
        this.redcap = redcap;
        this.registry = registry;
        this.foundTokens = foundTokens;
        this.standing = standing;
        this.cutover = cutover;
        this.properties = properties;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** Onboards the projects from REDCap's database (a reconciliation of them); all enrolled projects if none named. */
    public ReconciliationReport fromRedcap(RedcapEnvironment environment, List<Long> projectIds, boolean dryRun, String by) {
        if (environment != null && !reconciliation.readableEnvironments().contains(environment)) {
            throw new Refused("REDCap " + environment + "'s database is not readable here (token-administration is not"
                    + " DATABASE): list its existing tokens as CSV instead (POST /api/onboarding/csv).");
        }
        if (environment == null && reconciliation.readableEnvironments().isEmpty()) {
            throw new Refused("No REDCap database is readable here: list the existing tokens as CSV instead"
                    + " (POST /api/onboarding/csv).");
        }
        if (!projectIds.isEmpty() && environment == null) {
            throw new Refused("Name the environment (QA or PROD) of the projects.");
        }
        for (Long projectId : projectIds) {
            requireEnrolled(environment, projectId, "");
        }
        Reconciliation.Scope scope = new Reconciliation.Scope(environment, Set.copyOf(projectIds));
        return dryRun ? reconciliation.dryRun(scope) : reconciliation.run(scope, by);
    }

    /** Takes in the listed tokens (or, for a dry run, says what would happen). */
    @Transactional
    public ReconciliationReport fromCsv(List<OnboardingCsv.Line> lines, boolean dryRun, String by) {
        List<String> problems = new ArrayList<>();
        for (OnboardingCsv.Line line : lines) {
            try {
                requireEnrolled(line.environment(), line.projectId(), " (" + line.holder() + ")");
            } catch (Refused refused) {
                problems.add(refused.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new Refused(String.join(" ", problems.stream().distinct().limit(20).toList()));
        }
        Map<String, Map<String, RedcapProjectUser>> usersByProject = new LinkedHashMap<>();
        List<ReconciliationReport.Item> items = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        for (OnboardingCsv.Line line : lines) {
            Map<String, RedcapProjectUser> users = usersByProject.computeIfAbsent(line.environment() + "/" + line.projectId(),
                    key -> redcap.projectUsers(line.environment(), line.projectId()).stream().collect(Collectors.toMap(
                            user -> user.username().toLowerCase(Locale.ROOT), Function.identity(), (first, second) -> first)));
            items.add(item(line, users.get(line.holder().toLowerCase(Locale.ROOT)), dryRun, today));
        }
        ReconciliationReport report = ReconciliationReport.of(dryRun, lines.size(), 0, items);
        if (!dryRun) {
            auditTrail.record(by, AuditAction.ONBOARDING_IMPORTED, null, null, report.summary());
        }
        return report;
    }

    private ReconciliationReport.Item item(OnboardingCsv.Line line, RedcapProjectUser user, boolean dryRun, LocalDate today) {
        if (registry.ofUserOn(line.environment(), line.projectId(), line.holder()).stream()
                .anyMatch(token -> token.state().inRedcap())) {
            return item(line, ALREADY_REGISTERED, "already in the registry; nothing done");
        }
        if (user == null) {
            return item(line, NOT_A_PROJECT_USER, "skipped: not a user of the project in REDCap, so they hold no token there");
        }
        HolderStanding.Standing holder = standing.of(user.username(), line.projectId(), true);
        if (!dryRun) {
            foundTokens.recordExisting(line.environment(), line.projectId(), user.username(), user.apiRights());
        }
        return item(line, Finding.Kind.EXISTING.name(),
                FindingActions.plan(holder, today.plusDays(properties.adoptionGrace().toDays()), cutover.day(today)));
    }

    private static ReconciliationReport.Item item(OnboardingCsv.Line line, String finding, String action) {
        return new ReconciliationReport.Item(finding, line.environment().name(), line.projectId(), line.holder(), action);
    }

    private void requireEnrolled(RedcapEnvironment environment, long projectId, String about) {
        RedcapProperties.Server server = servers.environments().get(environment);
        if (server == null) {
            throw new Refused("No REDCap server is configured for " + environment + about + ".");
        }
        if (!server.isEnrolled(projectId)) {
            throw new Refused("REDCap " + environment + " project " + projectId + about + " is not enrolled in API token"
                    + " governance.");
        }
    }
}
