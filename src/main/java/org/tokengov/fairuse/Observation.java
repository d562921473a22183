package org.tokengov.fairuse;

import java.time.Instant;
import org.tokengov.usage.Certainty;
import org.tokengov.usage.FairUseRule;

/**
 * What one rule saw for one token: the finding before it is recorded.
 *
 * @param windowStart the start of the REDCap day (or of the first day, for rules over several days) the rule looked
 *        at: a finding is recorded once per token, rule and window start, so a pattern that goes on all day is one
 *        finding, updated as it grows
 */
record Observation(FairUseRule rule, Certainty certainty, boolean severe, Instant windowStart, Instant windowEnd,
        String observed) {
}
