package org.tokengov.audit;

/**
 * The result of recomputing the audit chain: {@code ok} or the first break; how many entries were checked (sealed ones
 * in seal order, then those outside the chain); the head reached; and, when asked for, the recomputed hash at one seal
 * number, to compare with an anchored head.
 */
public record ChainVerification(boolean ok, long entriesChecked, ChainBreak firstBreak, ChainHead head, ChainHead hashAt) {
}
