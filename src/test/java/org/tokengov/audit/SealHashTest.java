package org.tokengov.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A seal's hash binds the previous hash, its number, the entry's id, its MAC (or the legacy marker) and its content. */
class SealHashTest {

    static final EntryContent CONTENT = EntryMacTest.CONTENT;
    static final String MAC = "ab".repeat(32);

    @Test
    void theFirstSealOfAKnownEntryHasAFixedHash() {
        // Fixed: anchored heads must still match after an upgrade.
        assertThat(SealHash.of(SealHash.GENESIS, 1, 7, MAC, CONTENT)).isEqualTo(GOLDEN);
    }

    @Test
    void everyPartCounts() {
        String hash = SealHash.of(SealHash.GENESIS, 1, 7, MAC, CONTENT);

        assertThat(hash).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(SealHash.of("1".repeat(64), 1, 7, MAC, CONTENT)).as("previous hash").isNotEqualTo(hash);
        assertThat(SealHash.of(SealHash.GENESIS, 2, 7, MAC, CONTENT)).as("seal number").isNotEqualTo(hash);
        assertThat(SealHash.of(SealHash.GENESIS, 1, 8, MAC, CONTENT)).as("entry id").isNotEqualTo(hash);
        assertThat(SealHash.of(SealHash.GENESIS, 1, 7, "cd".repeat(32), CONTENT)).as("MAC").isNotEqualTo(hash);
        assertThat(SealHash.of(SealHash.GENESIS, 1, 7, null, CONTENT)).as("legacy marker").isNotEqualTo(hash);
        assertThat(SealHash.of(SealHash.GENESIS, 1, 7, MAC, new EntryContent(CONTENT.uid(), CONTENT.occurredAt(),
                CONTENT.actor(), CONTENT.action(), CONTENT.requestId(), CONTENT.tokenId(), "REJECTED")))
                .as("content, even with the same MAC").isNotEqualTo(hash);
    }

    @Test
    void aLegacyEntryIsSealedOnItsContent() {
        EntryContent legacy = new EntryContent(null, CONTENT.occurredAt(), "ada", "TOKEN_ISSUED", null, null, "issued");

        assertThat(SealHash.of(SealHash.GENESIS, 1, 1, null, legacy)).isEqualTo(SealHash.of(SealHash.GENESIS, 1, 1, null, legacy))
                .isNotEqualTo(SealHash.of(SealHash.GENESIS, 1, 1, null, new EntryContent(null, CONTENT.occurredAt(), "ada",
                        "TOKEN_ISSUED", null, null, "issued twice")));
    }

    /** Computed independently from the documented format (Python hashlib, struct), not by this code. */
    static final String GOLDEN = "66647c47c9d72462571fdd24382a1ebc161b657229db1a20827087046dde399a";
}
