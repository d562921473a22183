package org.tokengov.dashboard;

import org.tokengov.usage.Certainty;
import org.tokengov.usage.Finding;

/**
 * An open fair-use finding as a table row: the rule and how sure it is in words, the token and its holder, the window
 * it was seen in and what was observed there (the rule's own words, with the numbers).
 */
record FindingRow(String id, String rule, String certainty, boolean suspected, boolean severe, String tokenId,
        String holder, String environment, long projectId, String window, String observed, String found,
        String policySentence) {

    static FindingRow of(Finding finding) {
        return new FindingRow(finding.id(), Readable.rule(finding.rule()), Readable.certainty(finding.certainty()),
                finding.certainty() == Certainty.SUSPECTED, finding.severe(), finding.tokenId(), finding.holder(),
                finding.environment().name(), finding.projectId(),
                Readable.minute(finding.windowStart()) + " to " + Readable.minute(finding.windowEnd()),
                finding.observed(), Readable.minute(finding.foundAt()), finding.policySentence());
    }
}
