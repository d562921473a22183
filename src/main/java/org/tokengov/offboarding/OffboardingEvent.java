package org.tokengov.offboarding;

import java.time.Instant;
import java.util.Set;

/**
 * One reported change about a person: terminated, left a project, or rehired. {@code projectId} is set only for
 * {@link #LEFT_PROJECT}; {@code effectiveAt} is when the change takes effect (the receipt time if none was given).
 */
public record OffboardingEvent(
        String id,
        String username,
        String source,
        String reason,
        String type,
        Long projectId,
        Instant receivedAt,
        Instant effectiveAt,
        OffboardingOutcome outcome,
        String outcomeDetails,
        Instant completedAt) {

    public static final String TERMINATED = "person.terminated";
    public static final String LEFT_PROJECT = "person.left_project";
    /** Back at work: a termination dated before the rehire no longer applies. */
    public static final String REHIRED = "person.rehired";
    public static final Set<String> TYPES = Set.of(TERMINATED, LEFT_PROJECT, REHIRED);
}
