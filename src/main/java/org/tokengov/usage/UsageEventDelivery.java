package org.tokengov.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The body of {@code POST /api/usage-events}: the calls of one delivery, stored all or none. */
record UsageEventDelivery(List<ReportedCall> calls) {

    /** More calls with problems are counted, not listed: the first few tell the sender what to fix. */
    static final int LISTED_PROBLEMS = 10;

    /** What is wrong with the delivery, naming each bad call by its place and id; empty if it can be stored. */
    List<String> problems(Instant now, Duration tolerance, int maxCalls) {
        if (calls == null) {
            return List.of("calls is required: a list of at most " + maxCalls + " calls.");
        }
        if (calls.size() > maxCalls) {
            return List.of("A delivery holds at most " + maxCalls + " calls (tokengov.usage.intake-max-calls); this one"
                    + " holds " + calls.size() + ": send the rest in another delivery.");
        }
        List<String> problems = new ArrayList<>();
        int bad = 0;
        for (int i = 0; i < calls.size(); i++) {
            ReportedCall call = calls.get(i);
            List<String> wrong = call == null ? List.of("is null.") : call.problems(now, tolerance);
            if (!wrong.isEmpty() && ++bad <= LISTED_PROBLEMS) {
                problems.add((call == null ? "calls[" + i + "]" : call.describe(i)) + ": " + String.join(" ", wrong));
            }
        }
        if (bad > LISTED_PROBLEMS) {
            problems.add("And " + (bad - LISTED_PROBLEMS) + " more calls with problems.");
        }
        if (!problems.isEmpty()) {
            problems.add("Nothing of this delivery was stored.");
        }
        return problems;
    }
}
