package org.tokengov.request;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The points of the Fair Use Policy an API specialist checks in the code before approving it: each a checkbox of the
 * code review form. A submission writes the ticks to the process, so each review begins by removing the ticks of an
 * earlier one: only what this reviewer ticked counts. A task-local marker tells a review that asked for the checklist
 * from one created before it existed (its form had no checkboxes).
 */
enum ReviewChecklist {

    OFF_PEAK_SCHEDULE("checkOffPeakSchedule",
            "heavy calls run off peak (evenings, weekends) and nothing polls every few seconds"),
    INCREMENTAL_EXPORTS("checkIncrementalExports",
            "exports are limited by records, fields, filters or a date range, not repeated full exports"),
    NO_TOKEN_IN_CODE("checkNoTokenInCode", "the token appears nowhere in the code, its history or its logs"),
    TOKEN_IN_SECRET_STORE("checkTokenInSecretStore", "the code reads the token from an environment variable or a secret store");

    final String variable;
    final String point;

    ReviewChecklist(String variable, String point) {
        this.variable = variable;
        this.point = point;
    }

    static final String ASKED = "reviewChecklistAsked";

    /** A new review: nothing ticked yet. */
    static void startFresh(DelegateTask task) {
        for (ReviewChecklist item : values()) {
            task.getExecution().removeVariable(item.variable);
        }
        task.setVariableLocal(ASKED, true);
    }

    /** The points the reviewer did not tick (only {@code true} ticks a point); none for a review without checklist. */
    static List<ReviewChecklist> unticked(DelegateTask task) {
        if (!task.hasVariableLocal(ASKED)) {
            return List.of();
        }
        return Arrays.stream(values()).filter(item -> !Boolean.TRUE.equals(task.getVariable(item.variable))).toList();
    }

    /** What an approval that left points unticked is told. */
    static String uncheckedProblem(List<ReviewChecklist> unticked) {
        return "Before approving, confirm every point of the checklist; not yet confirmed: "
                + String.join("; ", unticked.stream().map(item -> item.point).toList()) + ".";
    }

    /** For the audit trail: how many points the reviewer confirmed. */
    static String summary(DelegateTask task) {
        if (!task.hasVariableLocal(ASKED)) {
            return "no checklist: the review began before it existed";
        }
        return "checklist " + (values().length - unticked(task).size()) + " of " + values().length + " confirmed";
    }
}
