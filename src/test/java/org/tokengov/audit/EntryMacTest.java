package org.tokengov.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The entries' MAC: keyed, over every field as stored, with no two contents alike; its format never changes. */
class EntryMacTest {

    static final LocalDateTime AT = LocalDateTime.of(2026, 6, 30, 14, 5, 9, 123_456_000);
    static final EntryContent CONTENT = new EntryContent("6f1c1f2e-7d0a-4c1e-9a55-0d5b8c1d2e3f", AT, "ada", "RELEASE_DECIDED",
            "req-1", "tok-1", "APPROVED");

    final EntryMac mac = macUnder("an audit key of at least 32 characters");

    @Test
    void aStoredMacStaysVerifiable() {
        // Fixed: a change of the canonical form would make every entry written so far fail verification.
        assertThat(mac.of(CONTENT)).isEqualTo(GOLDEN);
        assertThat(mac.verifies(CONTENT, GOLDEN)).isTrue();
    }

    @Test
    void everyFieldCounts() {
        String original = mac.of(CONTENT);

        assertThat(mac.of(new EntryContent("other-uid", AT, "ada", "RELEASE_DECIDED", "req-1", "tok-1", "APPROVED")))
                .isNotEqualTo(original);
        assertThat(mac.of(new EntryContent(CONTENT.uid(), AT.plusNanos(1000), "ada", "RELEASE_DECIDED", "req-1", "tok-1",
                "APPROVED"))).as("a microsecond").isNotEqualTo(original);
        assertThat(mac.of(new EntryContent(CONTENT.uid(), AT, "rita", "RELEASE_DECIDED", "req-1", "tok-1", "APPROVED")))
                .isNotEqualTo(original);
        assertThat(mac.of(new EntryContent(CONTENT.uid(), AT, "ada", "CODE_REVIEWED", "req-1", "tok-1", "APPROVED")))
                .isNotEqualTo(original);
        assertThat(mac.of(new EntryContent(CONTENT.uid(), AT, "ada", "RELEASE_DECIDED", "req-2", "tok-1", "APPROVED")))
                .isNotEqualTo(original);
        assertThat(mac.of(new EntryContent(CONTENT.uid(), AT, "ada", "RELEASE_DECIDED", "req-1", "tok-2", "APPROVED")))
                .isNotEqualTo(original);
        assertThat(mac.of(new EntryContent(CONTENT.uid(), AT, "ada", "RELEASE_DECIDED", "req-1", "tok-1", "REJECTED")))
                .isNotEqualTo(original);
    }

    @Test
    void fieldsCannotBeShiftedIntoEachOtherAndNullIsNotEmpty() {
        assertThat(mac.of(new EntryContent("u", AT, "ab", "c", null, null, null)))
                .isNotEqualTo(mac.of(new EntryContent("u", AT, "a", "bc", null, null, null)));
        assertThat(mac.of(new EntryContent("u", AT, "ada", "TOKEN_ISSUED", null, "", null)))
                .isNotEqualTo(mac.of(new EntryContent("u", AT, "ada", "TOKEN_ISSUED", "", null, null)));
        assertThat(mac.of(new EntryContent("u", AT, "ada", "TOKEN_ISSUED", null, null, "")))
                .isNotEqualTo(mac.of(new EntryContent("u", AT, "ada", "TOKEN_ISSUED", null, null, null)));
    }

    @Test
    void withoutTheKeyNoMacVerifies() {
        EntryMac otherKey = macUnder("somebody else's key, also 32 chars or more");

        assertThat(otherKey.of(CONTENT)).isNotEqualTo(mac.of(CONTENT));
        assertThat(mac.verifies(CONTENT, otherKey.of(CONTENT))).isFalse();
        assertThat(mac.verifies(CONTENT, null)).isFalse();
        assertThat(mac.verifies(CONTENT, "not hex")).isFalse();
    }

    /** Computed independently from the documented format (Python hmac, struct), not by this code. */
    static final String GOLDEN = "a73288abf3f711388cc85daae7a1afc63608140437322afd2a5f9b5ee9490ab7";

    static EntryMac macUnder(String key) {
        return new EntryMac(new AuditKey(new AuditProperties(key, null, Duration.ofMinutes(1), Duration.ofHours(1))));
    }
}
