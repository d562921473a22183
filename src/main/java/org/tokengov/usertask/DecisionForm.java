package org.tokengov.usertask;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A decision among an enum's values, with comments: every outcome but the one that needs no explanation must say
 * why, in words the person affected can act on.
 */
public final class DecisionForm {

    public static final int COMMENTS_MAX = 4000;

    private DecisionForm() {
    }

    public static <E extends Enum<E>> List<String> problems(VariableScope task, String decisionVariable, String label,
            Class<E> outcomes, E withoutComment, String commentsVariable) {
        List<String> problems = new java.util.ArrayList<>();
        FormValues values = new FormValues(task, problems);
        values.oneOf(decisionVariable, label, Arrays.stream(outcomes.getEnumConstants()).map(Enum::name).toList());
        Object comments = task.getVariable(commentsVariable);
        boolean hasComments = comments != null && !comments.toString().isBlank();
        String decision = String.valueOf(task.getVariable(decisionVariable));
        if (hasComments || withoutComment == null || !withoutComment.name().equals(decision)) {
            values.text(commentsVariable, "Comments", 1, COMMENTS_MAX);
        }
        return problems;
    }

    /** The decision as one of the enum's values (after {@link #problems} found none). */
    public static <E extends Enum<E>> E decision(VariableScope task, String decisionVariable, Class<E> outcomes) {
        return Enum.valueOf(outcomes, String.valueOf(task.getVariable(decisionVariable)).trim());
    }

    public static String comments(VariableScope task, String commentsVariable) {
        Object comments = task.getVariable(commentsVariable);
        return comments == null || comments.toString().isBlank() ? null : comments.toString().strip();
    }
}
