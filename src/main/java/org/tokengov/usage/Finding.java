package org.tokengov.usage;

import java.time.Instant;
import org.tokengov.redcap.RedcapEnvironment;

/**
 * A rule's finding about one token in one window: what was observed there, in words with the numbers.
 *
 * @param severe goes to the administrators at once, without asking the holder first
 * @param caseId the misuse case it opened or joined, null while none (a suspected finding never opens one)
 */
public record Finding(String id, FairUseRule rule, Certainty certainty, boolean severe, String tokenId, String holder,
        RedcapEnvironment environment, long projectId, Instant windowStart, Instant windowEnd, String observed,
        Instant foundAt, String caseId) {

    public String policySentence() {
        return rule.policySentence();
    }
}
