package org.tokengov.request;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The names of {@code TokenRequestProcess}'s variables, and typed reads of them. Nothing else reads raw names. */
public final class TokenRequestVariables {

    public static final String REQUESTER = "requester";
    public static final String PRODUCTION_PROJECT_ID = "productionProjectId";
    public static final String QA_PROJECT_ID = "qaProjectId";
    public static final String RIGHT_EXPORT = "rightExport";
    public static final String RIGHT_IMPORT = "rightImport";
    public static final String RIGHT_MOBILE_APP = "rightMobileApp";
    public static final String FAIR_USE_ACCEPTED = "fairUseAccepted";
    public static final String INTENDED_USE = "intendedUse";
    public static final String USAGE_DESCRIPTION = "usageDescription";
    public static final String CALL_SCHEDULE = "callSchedule";
    public static final String EXPECTED_CALLS_PER_DAY = "expectedCallsPerDay";

    public static final String ELIGIBLE = "eligible";
    public static final String INELIGIBILITY_REASON = "ineligibilityReason";
    /** The internal sponsor of an external requester, who confirms the sponsorship; null for internal requesters. */
    public static final String SPONSOR = "sponsor";
    public static final String SPONSORSHIP_CONFIRMED = "sponsorshipConfirmed";
    public static final String SPONSOR_COMMENTS = "sponsorComments";

    public static final String CODE_REPOSITORY_URL = "codeRepositoryUrl";
    public static final String CODE_COMMIT = "codeCommit";
    public static final String TEST_SUMMARY = "testSummary";
    public static final String CODE_REVIEW_OUTCOME = "codeReviewOutcome";
    public static final String CODE_REVIEW_COMMENTS = "codeReviewComments";
    /** Everyone who completed a code review of this request, comma-separated: none of them may approve the release. */
    public static final String CODE_REVIEWERS = "codeReviewers";
    public static final String ADMIN_DECISION = "adminDecision";
    public static final String ADMIN_COMMENTS = "adminComments";

    public static final String QA_TOKEN_ID = "qaTokenId";
    public static final String PRODUCTION_TOKEN_ID = "productionTokenId";

    /** Local input parameters of the closing and reminder steps. */
    public static final String REQUEST_OUTCOME = "requestOutcome";
    public static final String OUTCOME_REASON = "outcomeReason";
    public static final String REMINDER_FOR = "reminderFor";

    private TokenRequestVariables() {
    }

    public static String requester(VariableScope scope) {
        return (String) scope.getVariable(REQUESTER);
    }

    public static long productionProjectId(VariableScope scope) {
        return ((Number) scope.getVariable(PRODUCTION_PROJECT_ID)).longValue();
    }

    public static long qaProjectId(VariableScope scope) {
        return ((Number) scope.getVariable(QA_PROJECT_ID)).longValue();
    }

    public static boolean fairUseAccepted(VariableScope scope) {
        return Boolean.TRUE.equals(scope.getVariable(FAIR_USE_ACCEPTED));
    }

    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    public static Set<String> codeReviewers(VariableScope scope) {
        String joined = text(scope, CODE_REVIEWERS);
        if (joined == null || joined.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(joined.split(",")).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public static void addCodeReviewer(VariableScope scope, String reviewer) {
        Set<String> reviewers = new LinkedHashSet<>(codeReviewers(scope));
        reviewers.add(reviewer);
        scope.setVariable(CODE_REVIEWERS, String.join(",", reviewers));
    }
}
