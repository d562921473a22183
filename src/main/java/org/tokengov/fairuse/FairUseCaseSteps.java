package org.tokengov.fairuse;

import static org.tokengov.fairuse.FairUseCaseVariables.*;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.lifecycle.TokenLifecycles;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;
import org.tokengov.usage.Finding;

/**
 * The steps of FairUseCaseProcess: telling the holder what was seen, handing an unanswered case to the
 * administrators, their decision, the warning and the suspension; and the case's facts as its tasks show them. Every
 * step reads the case from the app's table by the process's business key.
 */
@Service
class FairUseCaseSteps {

    /** The length of {@code token_suspension.reason}. */
    static final int SUSPENSION_REASON_MAX = 2000;
    /** What a task's text variable holds, with room for the count of what was left out. */
    static final int TEXT_MAX = 3900;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final FairUseCases cases;
    private final Notifier notifier;
    private final TokenLifecycles lifecycles;
    private final TokenRegistry registry;
    private final AuditTrail auditTrail;

    FairUseCaseSteps(FairUseCases cases, Notifier notifier, TokenLifecycles lifecycles, TokenRegistry registry,
            AuditTrail auditTrail) {
        this.cases = cases;
        this.notifier = notifier;
        this.lifecycles = lifecycles;
        this.registry = registry;
        this.auditTrail = auditTrail;
    }

    FairUseCase caseOf(String caseId) {
        return cases.get(caseId);
    }

    /** {@code Task_TellHolderOfFinding}: what was seen, the policy's sentence, and the deadline or the administrators. */
    void tellHolder(String caseId) {
        FairUseCase fairUseCase = cases.get(caseId);
        Map<String, Object> model = model(fairUseCase);
        model.put("observed", observed(fairUseCase));
        model.put("policy", fairUseCase.rule().policySentence());
        model.put("deadline", fairUseCase.adminsFirst() ? "" : minute(fairUseCase.deadline()));
        model.put("toAdmins", fairUseCase.adminsFirst());
        model.put("why", fairUseCase.adminsFirst() ? whyWithAdmins(fairUseCase) : "");
        notifier.send(Notification.toUser(fairUseCase.holder(), MailKind.FAIR_USE_FINDING, model));
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.FAIR_USE_HOLDER_TOLD, null, fairUseCase.tokenId(),
                "case " + caseId + (fairUseCase.adminsFirst() ? ": the administrators decide"
                        : ": fix by " + fairUseCase.deadline()));
    }

    /** {@code Task_HandCaseToAdmins}: the deadline passed without a confirmed fix. */
    @Transactional
    void handToAdmins(String caseId) {
        cases.handToAdmins(caseId);
        FairUseCase fairUseCase = cases.get(caseId);
        Map<String, Object> model = model(fairUseCase);
        model.put("deadline", minute(fairUseCase.deadline()));
        notifier.send(Notification.toUser(fairUseCase.holder(), MailKind.FAIR_USE_NO_FIX_BY_DEADLINE, model));
    }

    void confirmFix(String caseId, String holder, String whatChanged) {
        cases.confirmFix(caseId, holder, whatChanged);
    }

    /** {@code Task_DecideOnFairUseCase} completed: recorded; a dismissal closes the case and the holder is told. */
    void decide(String caseId, FairUseDecision decision, String admin, String comments) {
        cases.decide(caseId, decision, admin, comments);
        if (decision == FairUseDecision.DISMISS) {
            FairUseCase dismissed = cases.get(caseId);
            Map<String, Object> model = model(dismissed);
            model.put("comments", comments);
            model.put("decidedBy", admin);
            notifier.send(Notification.toUser(dismissed.holder(), MailKind.FAIR_USE_CASE_DISMISSED, model));
        }
    }

    /** {@code Task_WarnHolder}: the administrator's warning, in writing, with the policy's sentence. */
    @Transactional
    void warn(String caseId) {
        FairUseCase fairUseCase = decided(caseId, FairUseDecision.WARN);
        Map<String, Object> model = model(fairUseCase);
        model.put("policy", fairUseCase.rule().policySentence());
        model.put("comments", fairUseCase.comments());
        model.put("decidedBy", fairUseCase.decidedBy());
        notifier.send(Notification.toUser(fairUseCase.holder(), MailKind.FAIR_USE_WARNING, model));
        cases.close(caseId, FairUseCaseState.WARNED, "the holder was warned");
    }

    /**
     * {@code Task_SuspendTokenForMisuse}: the token's lifecycle suspends it ({@code Msg_SuspendToken}), which leads on
     * to the fix, re-test, review and reinstatement, and to the ban on repeat. A token no longer active (suspended,
     * revoked or expired meanwhile) is left as it is: suspending it again would count a second suspension.
     */
    @Transactional
    void suspend(String caseId) {
        FairUseCase fairUseCase = decided(caseId, FairUseDecision.SUSPEND);
        Optional<TokenState> state = registry.find(fairUseCase.tokenId()).map(IssuedToken::state);
        if (state.filter(now -> now == TokenState.ACTIVE || now == TokenState.QA_ACTIVE).isPresent()) {
            lifecycles.suspend(fairUseCase.tokenId(), suspensionReason(fairUseCase), fairUseCase.decidedBy());
            cases.close(caseId, FairUseCaseState.SUSPENDED, "suspension asked of the token's lifecycle");
        } else {
            cases.close(caseId, FairUseCaseState.SUSPENDED, "the token was already "
                    + state.map(TokenState::name).orElse("gone from the registry") + ": nothing to suspend");
        }
    }

    /** What a task about the case shows (local variables of its form), from the app's tables. */
    Map<String, Object> facts(FairUseCase fairUseCase, boolean forAdmins) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put(TOKEN, fairUseCase.tokenInWords());
        facts.put(RULE, fairUseCase.rule().inWords());
        facts.put(OBSERVED, observed(fairUseCase));
        facts.put(POLICY, fairUseCase.rule().policySentence());
        facts.put(DEADLINE, minute(fairUseCase.deadline()) + " UTC");
        if (forAdmins) {
            facts.put(HOLDER, fairUseCase.holder());
            facts.put(WHY_ADMINS, whyWithAdmins(fairUseCase));
            List<FairUseCase> earlier = cases.earlierCases(fairUseCase);
            facts.put(EARLIER_CASES, earlier.isEmpty() ? "none" : lines(earlier.stream()
                    .map(before -> "opened " + minute(before.openedAt()) + ", closed " + minute(before.closedAt())
                            + " UTC as " + before.state() + (before.decidedBy() == null ? "" : " by " + before.decidedBy()))
                    .toList(), "cases"));
        }
        return facts;
    }

    /** What was seen: every finding of the case, newest first, with its window (UTC). */
    String observed(FairUseCase fairUseCase) {
        return lines(cases.findingsOf(fairUseCase).stream()
                .map(finding -> minute(finding.windowStart()) + " to " + minute(finding.windowEnd()) + " UTC: "
                        + finding.observed()).toList(), "findings");
    }

    /**
     * Lines, newest first, as much of them as a task's text variable holds (Camunda keeps 4,000 characters of a
     * string): the rest is counted.
     */
    private static String lines(List<String> lines, String what) {
        StringBuilder text = new StringBuilder();
        for (int shown = 0; shown < lines.size(); shown++) {
            String line = (shown == 0 ? "" : "\n") + lines.get(shown);
            if (text.length() + line.length() > TEXT_MAX) {
                return text.append("\n… and ").append(lines.size() - shown).append(" earlier ").append(what).toString();
            }
            text.append(line);
        }
        return text.toString();
    }

    /** Why the administrators decide, in words: a severe finding, a repeat, or no fix by the deadline. */
    String whyWithAdmins(FairUseCase fairUseCase) {
        if (!fairUseCase.adminsFirst()) {
            return "No fix was confirmed by the deadline, " + minute(fairUseCase.deadline()) + " UTC.";
        }
        Finding first = cases.findingsOf(fairUseCase).stream().filter(f -> f.id().equals(fairUseCase.findingId()))
                .findFirst().orElseThrow();
        if (first.severe()) {
            return "The finding is severe: far beyond the rule's threshold.";
        }
        return cases.earlierCases(fairUseCase).stream().findFirst()
                .map(before -> "It repeats a case of the same token and rule that closed on " + minute(before.closedAt())
                        + " UTC as " + before.state() + ".")
                .orElse("It repeats an earlier case of the same token and rule.");
    }

    private FairUseCase decided(String caseId, FairUseDecision expected) {
        FairUseCase fairUseCase = cases.get(caseId);
        if (fairUseCase.decision() != expected) {
            throw new IllegalStateException("Fair-use case " + caseId + " was decided " + fairUseCase.decision()
                    + ", not " + expected);
        }
        return fairUseCase;
    }

    /** The rule, the case, what was seen last and the administrator's words, within the suspension record's 2,000. */
    private String suspensionReason(FairUseCase fairUseCase) {
        Finding latest = cases.findingsOf(fairUseCase).get(0);
        String reason = "fair-use case " + fairUseCase.id() + ", rule " + fairUseCase.rule() + ": " + latest.observed()
                + (fairUseCase.comments() == null ? "" : " (" + fairUseCase.comments() + ")");
        return reason.length() <= SUSPENSION_REASON_MAX ? reason : reason.substring(0, SUSPENSION_REASON_MAX - 1) + "…";
    }

    private static Map<String, Object> model(FairUseCase fairUseCase) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("environment", fairUseCase.environment().name());
        model.put("project", fairUseCase.projectId());
        model.put("rule", fairUseCase.rule().inWords());
        return model;
    }

    private static String minute(Instant at) {
        return MINUTE.format(at);
    }
}
