package org.tokengov.redcap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts what this system asks of one REDCap server, by environment, what was asked and how it ended, so an
 * operator sees REDCap's trouble (and a spent rate budget) before the incidents pile up. Tags hold names from a
 * short fixed list only: never a token, a username or a message.
 */
final class RedcapCallCounter {

    /** API calls: {@code tokengov_redcap_calls_total{environment, content, outcome}} in Prometheus. */
    static final String API_CALLS = "tokengov.redcap.calls";
    /** SQL writes on REDCap's token table: {@code tokengov_redcap_database_writes_total{environment, operation, outcome}}. */
    static final String DATABASE_WRITES = "tokengov.redcap.database.writes";

    private final MeterRegistry meters;
    private final String name;
    private final String description;
    private final String whatTag;

    private RedcapCallCounter(MeterRegistry meters, String name, String description, String whatTag) {
        this.meters = meters;
        this.name = name;
        this.description = description;
        this.whatTag = whatTag;
    }

    static RedcapCallCounter apiCalls(MeterRegistry meters) {
        return new RedcapCallCounter(meters, API_CALLS, "Calls to REDCap's API, by how they ended", "content");
    }

    static RedcapCallCounter databaseWrites(MeterRegistry meters) {
        return new RedcapCallCounter(meters, DATABASE_WRITES, "Token writes on REDCap's database, by how they ended",
                "operation");
    }

    void succeeded(RedcapEnvironment environment, String what) {
        counter(environment, what, "success").increment();
    }

    void failed(RedcapEnvironment environment, String what, RuntimeException failure) {
        counter(environment, what, outcomeOf(failure)).increment();
    }

    /** The most specific kind first: a spent budget is also "unavailable", but nothing reached REDCap. */
    static String outcomeOf(RuntimeException failure) {
        if (failure instanceof RateBudgetExhaustedException) {
            return "budget_exhausted";
        }
        if (failure instanceof RedcapAccessDeniedException) {
            return "access_denied";
        }
        if (failure instanceof RedcapRequestRejectedException) {
            return "rejected";
        }
        if (failure instanceof RedcapUnavailableException) {
            return "unavailable";
        }
        return "error";
    }

    private Counter counter(RedcapEnvironment environment, String what, String outcome) {
        return Counter.builder(name)
                .description(description)
                .tag("environment", environment.name())
                .tag(whatTag, what)
                .tag("outcome", outcome)
                .register(meters);
    }
}
