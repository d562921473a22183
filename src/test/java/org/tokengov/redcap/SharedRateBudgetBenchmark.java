package org.tokengov.redcap;

import java.time.Duration;
import java.util.List;

/**
 * How fast the shared rate budget hands out permits, and that it never hands out too many: two replicas (own pools) of
 * four threads each on a new PostgreSQL database. A plain main, not run by the build:
 * {@code ./mvnw -B -ntp -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
 * -Dmdep.includeScope=test}, then {@code java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt)
 * [-Dbench.seconds=10] org.tokengov.redcap.SharedRateBudgetBenchmark}.
 */
public final class SharedRateBudgetBenchmark {

    private static final int PERMITS = 600;
    private static final int THREADS_EACH = 4;

    private SharedRateBudgetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration run = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
        try (TwoReplicas replicas = TwoReplicas.onNewDatabase()) {
            // REDCap's ban limit of slots, but a window so short that slots are always free: the budget's own cost.
            report("throughput", replicas.hammer("FAST", PERMITS, Duration.ofMillis(10), THREADS_EACH, run), PERMITS,
                    Duration.ofMillis(10), run);
            // The same slots, a window demand far exceeds (100 permits a second, ten times REDCap's ban rate): what is
            // granted, and whether any window got too many.
            Duration window = Duration.ofSeconds(6);
            report("saturated", replicas.hammer("SPENT", PERMITS, window, THREADS_EACH, window.multipliedBy(5)),
                    PERMITS, window, window.multipliedBy(5));
        }
        System.exit(0);
    }

    private static void report(String phase, List<Long> starts, int permits, Duration window, Duration run) {
        int most = TwoReplicas.mostInAnyWindow(starts, window);
        long windows = run.toNanos() / window.toNanos();
        long first = starts.get(0);
        long inFullWindows = starts.stream().filter(start -> start - first < windows * window.toNanos()).count();
        System.out.printf("%s: 2 replicas x %d threads, %d permits per %d ms, %d s: %d permits, %.0f permits/s,"
                        + " most in any window %d, overshoot %d, %.1f %% of the budget used in the first %d windows%n",
                phase, THREADS_EACH, permits, window.toMillis(), run.toSeconds(), starts.size(),
                starts.size() / (double) run.toSeconds(), most, Math.max(0, most - permits),
                100.0 * inFullWindows / (windows * permits), windows);
    }
}
