package org.tokengov.accessreview;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The names of {@code AccessReviewProcess}'s variables, and typed reads of them. Everything but the element variable
 * is local to one project's review (set by {@code Task_FindProjectPis} on the sub-process instance), so the parallel
 * reviews of several projects never share a value. Lists are comma-separated strings: usernames have no commas.
 */
public final class AccessReviewVariables {

    public static final String PROCESS = "AccessReviewProcess";

    /** The multi-instance element: the project's key, e.g. {@code PROD:101}. */
    public static final String PROJECT = "project";
    /** The project's environment name and id, for the task's name and form. */
    public static final String ENVIRONMENT = "environment";
    public static final String PROJECT_ID = "projectId";
    /** The project's PIs (users with User Rights in REDCap); empty when it has none. */
    public static final String PROJECT_PIS = "projectPis";
    /** Everyone the task lists as holding a live token on the project. */
    public static final String TOKEN_HOLDERS = "tokenHolders";
    /** For the form: one line per listed holder with issue date and last use. */
    public static final String TOKEN_HOLDERS_TEXT = "tokenHoldersText";
    /** The PI's answer: whose tokens to revoke (empty: keep everyone), and that they reviewed everyone listed. */
    public static final String USERNAMES_TO_REVOKE = "usernamesToRevoke";
    public static final String ACCESS_REVIEWED = "accessReviewed";
    /** Of those revoked, whose REDCap access to the (production) project ends too ({@code person.left_project}). */
    public static final String USERNAMES_TO_END_PROJECT_ACCESS = "usernamesToEndProjectAccess";
    /** The API rights each listed holder has enabled in REDCap ({@link HolderRights}). */
    public static final String HOLDER_API_RIGHTS = "holderApiRights";
    /** For the form: per holder, the API rights enabled in REDCap against those their calls used. */
    public static final String API_RIGHTS_TEXT = "apiRightsText";
    /** Read-only on the task (local to it): per holder, the last 90 days of API calls and fair-use findings. */
    public static final String RECENT_API_USE_TEXT = "recentApiUseText";
    /** The PI's reductions: {@code username: rights kept} lines ({@link RightsReductions}). */
    public static final String RIGHTS_TO_REDUCE = "rightsToReduce";
    /** Who completed the review (a PI of the project, or a REDCap administrator). */
    public static final String REVIEWED_BY = "reviewedBy";
    /** The review task's id, so the escalation can hand it to the REDCap administrators. */
    public static final String REVIEW_TASK_ID = "reviewTaskId";

    private AccessReviewVariables() {
    }

    static ReviewedProject project(VariableScope scope) {
        return ReviewedProject.parse((String) scope.getVariable(PROJECT));
    }

    public static List<String> projectPis(VariableScope scope) {
        return names((String) scope.getVariable(PROJECT_PIS));
    }

    public static List<String> tokenHolders(VariableScope scope) {
        return names((String) scope.getVariable(TOKEN_HOLDERS));
    }

    static HolderRights holderRights(VariableScope scope) {
        return HolderRights.decode((String) scope.getVariable(HOLDER_API_RIGHTS));
    }

    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    static List<String> names(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.stream(joined.split(",")).map(String::trim)
                .filter(name -> !name.isEmpty()).toList();
    }
}
