package org.tokengov.reconciliation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a reconciliation found and did (or, for a dry run, would do): one item per finding, and the counts by kind.
 * Never a token value: holders, projects and what happens.
 *
 * @param tokensInRedcap how many tokens REDCap holds in the compared scope
 * @param failed findings that could not be acted on (REDCap unreachable); the next run finds them again
 */
public record ReconciliationReport(boolean dryRun, int tokensInRedcap, Map<String, Integer> counts, int failed,
        List<Item> items) {

    /** One finding: what it is, whose token, and what happens to it. */
    public record Item(String finding, String environment, long projectId, String holder, String action) {
    }

    public ReconciliationReport {
        counts = Map.copyOf(counts);
        items = List.copyOf(items);
    }

    static ReconciliationReport of(boolean dryRun, int tokensInRedcap, int failed, List<Item> items) {
        Map<String, Integer> counts = new TreeMap<>();
        items.forEach(item -> counts.merge(item.finding(), 1, Integer::sum));
        return new ReconciliationReport(dryRun, tokensInRedcap, counts, failed, items);
    }

    String summary() {
        return (dryRun ? "dry run: " : "") + tokensInRedcap + " tokens in REDCap; findings " + (counts.isEmpty() ? "none"
                : counts.toString()) + (failed == 0 ? "" : "; " + failed + " could not be acted on, left for the next run");
    }
}
