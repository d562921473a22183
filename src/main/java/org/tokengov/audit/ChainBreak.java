package org.tokengov.audit;

/**
 * The first place where the audit chain does not hold. {@code entryId} is the entry concerned (null only when seals
 * themselves are missing, {@code sealSeq} then is the first seal after the gap); {@code problem} says what is wrong.
 */
public record ChainBreak(Kind kind, Long entryId, Long sealSeq, String problem) {

    public enum Kind {
        /** An entry or seal changed: its MAC or a hash does not match. */
        ALTERED,
        /** An entry or seals gone: a seal whose entry is missing, or a gap in the seal numbers. */
        DELETED,
        /** Written outside the app: an entry whose MAC does not verify, a copy of a sealed entry, a foreign seal. */
        INSERTED
    }
}
