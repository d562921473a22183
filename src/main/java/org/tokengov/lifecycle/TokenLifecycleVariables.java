package org.tokengov.lifecycle;

import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The names of {@code TokenLifecycleProcess}'s variables and messages, and typed reads of them. */
public final class TokenLifecycleVariables {

    public static final String PROCESS = "TokenLifecycleProcess";
    public static final String MSG_REVOKE_TOKEN = "Msg_RevokeToken";
    public static final String MSG_TOKEN_COMPROMISED = "Msg_TokenCompromised";
    public static final String MSG_SUSPEND_TOKEN = "Msg_SuspendToken";
    public static final String MSG_CODE_CHANGED = "Msg_CodeChanged";

    public static final String TOKEN_ID = "tokenId";
    public static final String HOLDER = "holder";
    public static final String ENVIRONMENT = "environment";
    public static final String PROJECT_ID = "projectId";
    public static final String REQUEST_ID = "requestId";
    /** When the token expires unless renewed (a date, so timers can count back from it). */
    public static final String EXPIRES_AT = "expiresAt";
    /** For the renewal form: the expiry day and the last API use REDCap knows of, as text. */
    public static final String EXPIRES_ON = "expiresOn";
    public static final String LAST_API_USE = "lastApiUse";
    /** Read-only on the renewal and the reinstatement: the last 90 days of API calls, and the fair-use findings then. */
    public static final String RECENT_API_USE = "recentApiUse";
    public static final String RECENT_FAIR_USE_FINDINGS = "recentFairUseFindings";
    public static final String STILL_NEEDED = "stillNeeded";
    public static final String USAGE_UNCHANGED = "usageUnchanged";
    public static final String FAIR_USE_REATTESTED = "fairUseReattested";
    public static final String RENEWAL_COMMENTS = "renewalComments";
    /** Set by whoever sends {@value #MSG_REVOKE_TOKEN}: one of the contract's revocation reasons. */
    public static final String REVOCATION_REASON = "revocationReason";
    /** Who reported a compromise or asked for a revocation. */
    public static final String REPORTED_BY = "reportedBy";
    /** Set by whoever sends {@value #MSG_SUSPEND_TOKEN}: why the token is suspended. */
    public static final String SUSPENSION_REASON = "suspensionReason";
    /** Whether this suspension reached the holder's ban count. */
    public static final String BAN_HOLDER = "banHolder";
    public static final String FIX_REVIEW_OUTCOME = "fixReviewOutcome";
    public static final String FIX_REVIEW_COMMENTS = "fixReviewComments";
    public static final String REINSTATEMENT_DECISION = "reinstatementDecision";
    public static final String REINSTATEMENT_COMMENTS = "reinstatementComments";
    /** The administrator who approved the reinstatement. */
    public static final String REINSTATED_BY = "reinstatedBy";
    /** Set by the holder who sends {@value #MSG_CODE_CHANGED}: what changed. */
    public static final String CHANGE_DESCRIPTION = "changeDescription";
    public static final String CHANGE_REVIEW_OUTCOME = "changeReviewOutcome";
    public static final String CHANGE_REVIEW_COMMENTS = "changeReviewComments";
    public static final String CHANGE_DECISION = "changeDecision";
    public static final String CHANGE_DECISION_COMMENTS = "changeDecisionComments";
    /** Local input parameter of the notice step: NOTICE or REMINDER. */
    public static final String NOTICE_KIND = "noticeKind";

    private TokenLifecycleVariables() {
    }

    public static String tokenId(VariableScope scope) {
        return (String) scope.getVariable(TOKEN_ID);
    }

    public static Date expiresAt(VariableScope scope) {
        return (Date) scope.getVariable(EXPIRES_AT);
    }

    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }
}
