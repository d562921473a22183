package org.tokengov.usertask;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Who may not act on a task, each with the reason they are told. */
public final class Exclusions {

    private final Map<String, String> reasons = new LinkedHashMap<>();

    /** {@code reason} completes "… may not act on the task: …", e.g. "it concerns their own request". */
    public Exclusions exclude(String person, String reason) {
        if (person != null) {
            reasons.putIfAbsent(person, reason);
        }
        return this;
    }

    public Exclusions excludeAll(Set<String> people, String reason) {
        people.forEach(person -> exclude(person, reason));
        return this;
    }

    public Optional<String> reasonFor(String person) {
        return Optional.ofNullable(person == null ? null : reasons.get(person));
    }

    public Set<String> people() {
        return reasons.keySet();
    }
}
