package org.tokengov.dashboard;

import java.time.Instant;

/**
 * Where a running request stands in the engine: the step it waits at (a task's name as Tasklist shows it, else the
 * activity), who must act (a task's assignee or candidate groups; empty when the system itself is working on it),
 * since when, and whether a step failed and became an incident that an administrator must resolve in Cockpit.
 */
record WaitingPoint(String step, String waitingFor, Instant since, boolean incident) {
}
