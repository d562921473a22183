package org.tokengov.accessreview;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.identity.ContractGroups;
import org.tokengov.lifecycle.RevocationReason;
import org.tokengov.lifecycle.TokenLifecycles;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.redcap.ProjectPis;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;
import org.tokengov.usage.RecentUse;

/**
 * One project's access review: who answers for it and who holds a token on it, asking and reminding the PIs,
 * escalating to the REDCap administrators, and carrying out the PI's decisions. Nothing here decides for the PI.
 */
@Service
class AccessReviews {


    /** What the review task shows and who may answer it. */
    record ProjectAccess(List<String> pis, List<String> holders, String holdersText) {
    }

    private final ProjectPis projectPis;
    private final TokenRegistry registry;
    private final TokenLifecycles lifecycles;
    private final Notifier notifier;
    private final AuditTrail auditTrail;
    private final TaskService tasks;
    private final AccessReviewProperties properties;
    private final Clock clock;
    private final RecentUse recentUse;

    AccessReviews(ProjectPis projectPis, TokenRegistry registry, TokenLifecycles lifecycles, Notifier notifier,
            AuditTrail auditTrail, TaskService tasks, AccessReviewProperties properties, Clock clock, RecentUse recentUse) {
        this.projectPis = projectPis;
        this.registry = registry;
        this.lifecycles = lifecycles;
        this.notifier = notifier;
        this.auditTrail = auditTrail;
        this.tasks = tasks;
        this.properties = properties;
        this.clock = clock;
        this.recentUse = recentUse;
    }

    /** Asks REDCap (within its rate budget) who the project's PIs are, and lists its live tokens from the registry. */
    ProjectAccess find(ReviewedProject project) {
        List<String> pis = projectPis.of(project.environment(), project.projectId());
        List<IssuedToken> live = liveTokensOn(project);
        return new ProjectAccess(pis, live.stream().map(IssuedToken::holder).distinct().toList(), listing(live));
    }

    /** Each live token's last 90 days (API calls, fair-use findings), from the app's own tables, for the review task. */
    String recentUse(ReviewedProject project) {
        List<IssuedToken> live = liveTokensOn(project);
        if (live.isEmpty()) {
            return "Nobody holds a live API token on this project any more.";
        }
        return String.join("\n\n", live.stream().map(token -> {
            RecentUse.Evidence evidence = recentUse.of(token);
            return token.holder() + ": " + evidence.use() + "\nFair-use findings: " + evidence.findings();
        }).toList());
    }

    /** The review task exists: its PIs (the administrators when it has none) are told, and the request audited. */
    void requested(ReviewedProject project, List<String> pis, List<String> holders) {
        String due = day(clock.instant().plus(properties.reviewDeadline()));
        notifier.send(toReviewers(pis, MailKind.ACCESS_REVIEW_REQUESTED, Map.of("environment",
                project.environment().name(), "project", project.projectId(), "pis", pis, "holders", holders,
                "due", due)));
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.ACCESS_REVIEW_REQUESTED, null, null,
                project.key() + ": asked " + (pis.isEmpty() ? ContractGroups.ADMINS + " (no user with User Rights)" : String.join(", ", pis))
                        + "; holders " + String.join(", ", holders) + "; due " + due);
    }

    /** The deadline passed without an answer: the reminder links to the open review task ({@code taskId}). */
    void remind(ReviewedProject project, List<String> pis, String taskId) {
        notifier.send(toReviewers(pis, MailKind.ACCESS_REVIEW_REMINDER,
                Map.of("environment", project.environment().name(), "project", project.projectId())).aboutTask(taskId));
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.ACCESS_REVIEW_REMINDED, null, null,
                project.key() + ": reminded " + (pis.isEmpty() ? ContractGroups.ADMINS : String.join(", ", pis)));
    }

    /** Still unanswered after the escalation period: the administrators may now answer the task too. */
    void escalate(ReviewedProject project, List<String> pis, String taskId) {
        // A project without PIs went to them from the start; a second identity link would only duplicate it.
        boolean alreadyTheirs = tasks.getIdentityLinksForTask(taskId).stream()
                .anyMatch(link -> ContractGroups.ADMINS.equals(link.getGroupId()));
        if (!alreadyTheirs) {
            tasks.addCandidateGroup(taskId, ContractGroups.ADMINS);
        }
        notifier.send(Notification.toGroup(ContractGroups.ADMINS, MailKind.ACCESS_REVIEW_ESCALATED, Map.of("environment",
                project.environment().name(), "project", project.projectId(), "pis", pis)).aboutTask(taskId));
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.ACCESS_REVIEW_ESCALATED, null, null,
                project.key() + ": unanswered " + properties.reviewDeadline().plus(properties.escalationAfter()).toDays()
                        + " days after it was asked, task given to " + ContractGroups.ADMINS);
    }

    /** Carries out the reviewer's answer: revokes (LEFT_PROJECT) and audits each person's decision. */
    void apply(ReviewedProject project, AccessReviewAnswer answer, String reviewer) {
        for (String holder : answer.keep()) {
            Optional<IssuedToken> token = liveToken(project, holder);
            auditTrail.record(reviewer, AuditAction.ACCESS_REVIEW_DECIDED, token.map(IssuedToken::requestId).orElse(null),
                    token.map(IssuedToken::id).orElse(null), project.key() + ": keep " + holder);
        }
        for (String holder : answer.revoke()) {
            Optional<IssuedToken> token = liveToken(project, holder);
            token.ifPresent(live -> lifecycles.revoke(live.id(), RevocationReason.LEFT_PROJECT, reviewer));
            auditTrail.record(reviewer, AuditAction.ACCESS_REVIEW_DECIDED, token.map(IssuedToken::requestId).orElse(null),
                    token.map(IssuedToken::id).orElse(null), project.key() + ": revoke " + holder
                            + (token.isPresent() ? " (" + RevocationReason.LEFT_PROJECT + ")" : ": no live token any more"));
        }
    }

    private List<IssuedToken> liveTokensOn(ReviewedProject project) {
        return registry.liveTokensOn(project.environment(), project.projectId()).stream()
                .sorted(Comparator.comparing(IssuedToken::holder)).toList();
    }

    private Optional<IssuedToken> liveToken(ReviewedProject project, String holder) {
        return registry.liveToken(holder, project.environment(), project.projectId());
    }

    private static Notification toReviewers(List<String> pis, MailKind kind, Map<String, Object> model) {
        return pis.isEmpty() ? Notification.toGroup(ContractGroups.ADMINS, kind, model)
                : new Notification(pis, List.of(), kind, model);
    }

    /** One line per live token: holder, issue day, last use. */
    private static String listing(List<IssuedToken> live) {
        if (live.isEmpty()) {
            return "Nobody holds a live API token on this project any more.";
        }
        return String.join("\n", live.stream().map(token -> token.holder() + ": token issued " + day(token.issuedAt())
                + ", " + (token.lastUsedAt() == null ? "never used" : "last used " + day(token.lastUsedAt()))
                + (token.state() == TokenState.SUSPENDED ? " (suspended)" : "")).toList());
    }

    private static String day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
