package org.tokengov.request;

import static org.tokengov.request.TokenRequestVariables.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The rules of the task forms, repeated by the engine for callers that skip the form. Public pieces serve the
 * lifecycle's re-test, review and approval steps too, so a fix is held to the same rules as the first request.
 */
public final class TaskForms {

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
            case "Task_DevelopAndTestInQa" -> problems.addAll(qaResultProblems(task));
            case "Task_ReviewCode" -> problems.addAll(decisionProblems(task, CODE_REVIEW_OUTCOME, "Outcome",
                    names(ReviewOutcome.values()), ReviewOutcome.APPROVED.name(), CODE_REVIEW_COMMENTS));
            case "Task_ApproveRelease" -> problems.addAll(decisionProblems(task, ADMIN_DECISION, "Decision",
                    names(AdminDecision.values()), AdminDecision.APPROVED.name(), ADMIN_COMMENTS));
            default -> throw new IllegalStateException("No form rules for task " + task.getTaskDefinitionKey());
        }
        return problems;
    }

    /** Where the tested code is, and what the QA test showed. */
    public static List<String> qaResultProblems(DelegateTask task) {
        List<String> problems = new ArrayList<>();
        FormValues values = new FormValues(task, problems);
        values.pattern(CODE_REPOSITORY_URL, "Code repository URL", "^https://\\S{1,492}$",
                "must be an https:// link without spaces, at most 500 characters");
        values.pattern(CODE_COMMIT, "Commit", "^[0-9a-fA-F]{7,40}$", "must be 7 to 40 hexadecimal characters");
        values.text(TEST_SUMMARY, "QA test summary", 20, COMMENTS_MAX);
        return problems;
    }

    /** A decision among {@code allowed}; anything but {@code decisionWithoutComment} needs a reason one can act on. */
    public static List<String> decisionProblems(DelegateTask task, String decisionVariable, String label,
            List<String> allowed, String decisionWithoutComment, String commentsVariable) {
        List<String> problems = new ArrayList<>();
        FormValues values = new FormValues(task, problems);
        values.oneOf(decisionVariable, label, allowed);
        Object comments = task.getVariable(commentsVariable);
        boolean hasComments = comments != null && !comments.toString().isBlank();
        if (hasComments || !decisionWithoutComment.equals(String.valueOf(task.getVariable(decisionVariable)))) {
            values.text(commentsVariable, "Comments", 1, COMMENTS_MAX);
        }
        return problems;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
