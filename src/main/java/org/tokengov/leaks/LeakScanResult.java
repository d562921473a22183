package org.tokengov.leaks;

/**
 * What a scan tells the person who asked: how much it read and how many live tokens it found, never whose.
 *
 * @param filesScanned the files read (1 for a text)
 * @param liveTokensFound live registered tokens whose value was in the upload
 * @param beingRegenerated of those, reported compromised now: each gets a new value, its holder is told
 * @param alreadyBeingReplaced of those, already being replaced after an earlier report
 * @param leftToAdministrators of those, without a lifecycle here: the REDCap administrators regenerate them by hand
 */
public record LeakScanResult(int filesScanned, int liveTokensFound, int beingRegenerated, int alreadyBeingReplaced,
        int leftToAdministrators) {
}
