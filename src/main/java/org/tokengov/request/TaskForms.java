package org.tokengov.request;

import static org.tokengov.request.TokenRequestVariables.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** The rules of the pipeline's task forms, repeated by the engine for callers that skip the form. */
final class TaskForms {

    static final int COMMENTS_MAX = 4000;

    private TaskForms() {
    }

    static List<String> problems(DelegateTask task) {
        List<String> problems = new ArrayList<>();
        FormValues values = new FormValues(task, problems);
        switch (task.getTaskDefinitionKey()) {
            case "Task_ConfirmSponsorship" -> {
                values.flag(SPONSORSHIP_CONFIRMED, "Sponsorship confirmation");
                if (!Boolean.TRUE.equals(FormValues.asBoolean(task.getVariable(SPONSORSHIP_CONFIRMED)))) {
                    values.text(SPONSOR_COMMENTS, "Why you do not confirm", 1, COMMENTS_MAX);
                }
            }
            case "Task_DevelopAndTestInQa" -> {
                values.pattern(CODE_REPOSITORY_URL, "Code repository URL", "^https://\\S{1,492}$",
                        "must be an https:// link without spaces, at most 500 characters");
                values.pattern(CODE_COMMIT, "Commit", "^[0-9a-fA-F]{7,40}$", "must be 7 to 40 hexadecimal characters");
                values.text(TEST_SUMMARY, "QA test summary", 20, COMMENTS_MAX);
            }
            case "Task_ReviewCode" -> {
                values.oneOf(CODE_REVIEW_OUTCOME, "Outcome", names(ReviewOutcome.values()));
                requireCommentsUnless(values, task, CODE_REVIEW_OUTCOME, ReviewOutcome.APPROVED.name(), CODE_REVIEW_COMMENTS);
            }
            case "Task_ApproveRelease" -> {
                values.oneOf(ADMIN_DECISION, "Decision", names(AdminDecision.values()));
                requireCommentsUnless(values, task, ADMIN_DECISION, AdminDecision.APPROVED.name(), ADMIN_COMMENTS);
            }
            default -> throw new IllegalStateException("No form rules for task " + task.getTaskDefinitionKey());
        }
        return problems;
    }

    /** Sending work back or refusing it needs a reason the requester can act on. */
    private static void requireCommentsUnless(FormValues values, DelegateTask task, String decisionVariable,
            String decisionWithoutComment, String commentsVariable) {
        Object comments = task.getVariable(commentsVariable);
        boolean hasComments = comments != null && !comments.toString().isBlank();
        if (hasComments || !decisionWithoutComment.equals(String.valueOf(task.getVariable(decisionVariable)))) {
            values.text(commentsVariable, "Comments", 1, COMMENTS_MAX);
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
