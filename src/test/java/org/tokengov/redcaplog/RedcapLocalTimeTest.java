package org.tokengov.redcaplog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** REDCap's wall-clock times to instants, in REDCap's zone (New York here), never as UTC. */
class RedcapLocalTimeTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void aNewYorkTimeIsFiveHoursBehindUtcInWinterAndFourInSummer() {
        assertThat(RedcapLocalTime.toInstant(LocalDateTime.parse("2026-01-15T09:30:00"), NEW_YORK, null))
                .isEqualTo(Instant.parse("2026-01-15T14:30:00Z"));
        assertThat(RedcapLocalTime.toInstant(LocalDateTime.parse("2026-07-15T09:30:00"), NEW_YORK, null))
                .isEqualTo(Instant.parse("2026-07-15T13:30:00Z"));
        assertThat(RedcapLocalTime.toInstant(LocalDateTime.parse("2026-07-15T09:30:00"), ZoneId.of("UTC"), null))
                .as("a REDCap server on UTC").isEqualTo(Instant.parse("2026-07-15T09:30:00Z"));
    }

    @Test
    void inTheRepeatedHourTheFirstPassIsMeantUntilTheLogHasPassedTheFallBack() {
        // 2026-11-01: 02:00 EDT becomes 01:00 EST (06:00Z); 01:00–01:59 happens twice.
        LocalDateTime oneThirty = LocalDateTime.parse("2026-11-01T01:30:00");
        Instant firstPass = Instant.parse("2026-11-01T05:30:00Z");
        Instant secondPass = Instant.parse("2026-11-01T06:30:00Z");

        assertThat(RedcapLocalTime.toInstant(oneThirty, NEW_YORK, null)).isEqualTo(firstPass);
        assertThat(RedcapLocalTime.toInstant(oneThirty, NEW_YORK, Instant.parse("2026-11-01T05:20:00Z")))
                .as("the row before was at 01:20 EDT").isEqualTo(firstPass);
        assertThat(RedcapLocalTime.toInstant(oneThirty, NEW_YORK, Instant.parse("2026-11-01T05:55:00Z")))
                .as("the row before was at 01:55 EDT: the clock went back").isEqualTo(secondPass);
        assertThat(RedcapLocalTime.toInstant(oneThirty, NEW_YORK, Instant.parse("2026-11-01T06:05:00Z")))
                .as("the row before was at 01:05 EST").isEqualTo(secondPass);
        assertThat(RedcapLocalTime.toInstant(oneThirty, NEW_YORK, Instant.parse("2026-11-01T05:40:00Z")))
                .as("a row ten minutes late (its request started at 01:30) is a straggler of the first pass")
                .isEqualTo(firstPass);
    }

    @Test
    void aSpringForwardSkipsAnHourThatNoRowCanHave() {
        assertThat(RedcapLocalTime.toInstant(LocalDateTime.parse("2026-03-08T03:00:00"), NEW_YORK, null))
                .isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
        assertThat(RedcapLocalTime.toInstant(LocalDateTime.parse("2026-03-08T01:59:00"), NEW_YORK, null))
                .isEqualTo(Instant.parse("2026-03-08T06:59:00Z"));
    }
}
