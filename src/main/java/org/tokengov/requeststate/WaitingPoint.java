package org.tokengov.requeststate;

import java.time.Instant;
import java.util.List;

/**
 * Where a running request stands in the engine: the step it waits at ({@code activityId}, and {@code step}: a task's
 * name as Tasklist shows it, else the activity's), who must act ({@code actors}: a task's assignee, else its candidate
 * users and groups; none when the system itself is working on it), since when, until when (the task's due date or the
 * step's deadline timer; null if none), and whether a step failed and became an incident that an administrator must
 * resolve in Cockpit; {@code taskId}: the open user task a person must complete (null when the system works on it),
 * for links into Tasklist.
 */
public record WaitingPoint(String activityId, String step, boolean personsTurn, List<String> actors, Instant since,
        Instant deadline, boolean incident, String taskId) {

    /** Who must act, as one line: empty when the system works, "unassigned" for a task nobody may take yet. */
    public String waitingFor() {
        if (!personsTurn) {
            return "";
        }
        return actors.isEmpty() ? "unassigned" : String.join(", ", actors);
    }
}
