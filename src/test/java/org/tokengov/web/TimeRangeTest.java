package org.tokengov.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tokengov.web.ApiErrors.BadRequest;

class TimeRangeTest {

    @Test
    void datesMeanTheStartOfThatDayInUtc() {
        TimeRange range = TimeRange.parse("2026-01-01", "2026-02-01");

        assertThat(range.from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(range.to()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(range.label()).isEqualTo("2026-01-01-2026-02-01");
    }

    @Test
    void instantsMayCarryAnOffsetAndLabelWithoutColons() {
        TimeRange range = TimeRange.parse("2026-01-01T10:30:00+01:00", " 2026-01-02T00:00:00Z ");

        assertThat(range.from()).isEqualTo(Instant.parse("2026-01-01T09:30:00Z"));
        assertThat(range.label()).isEqualTo("20260101T093000Z-2026-01-02");
    }

    @Test
    void aLeapYearIsTheLongestRange() {
        assertThat(TimeRange.parse("2028-01-01", "2029-01-01").to()).isEqualTo(Instant.parse("2029-01-01T00:00:00Z"));

        assertThatThrownBy(() -> TimeRange.parse("2028-01-01", "2029-01-01T00:00:01Z"))
                .isInstanceOf(BadRequest.class).hasMessageContaining("more than 366 days");
    }

    @Test
    void fromMustBeBeforeTheExclusiveTo() {
        assertThatThrownBy(() -> TimeRange.parse("2026-01-01", "2026-01-01"))
                .isInstanceOf(BadRequest.class).hasMessage("from must be before to (to is exclusive).");
        assertThatThrownBy(() -> TimeRange.parse("2026-02-01", "2026-01-01")).isInstanceOf(BadRequest.class);
    }

    @Test
    void missingOrUnreadableEndsAreNamed() {
        assertThatThrownBy(() -> TimeRange.parse(null, "2026-01-01"))
                .isInstanceOf(BadRequest.class).hasMessageStartingWith("from is required");
        assertThatThrownBy(() -> TimeRange.parse("2026-01-01", " "))
                .isInstanceOf(BadRequest.class).hasMessageStartingWith("to is required");
        assertThatThrownBy(() -> TimeRange.parse("yesterday", "2026-01-01"))
                .isInstanceOf(BadRequest.class).hasMessageStartingWith("from must be an ISO-8601 instant");
        assertThatThrownBy(() -> TimeRange.parse("2026-01-01", "2026-13-01"))
                .isInstanceOf(BadRequest.class).hasMessageStartingWith("to must be");
        assertThatThrownBy(() -> TimeRange.parse("2026-01-01", "2026-01-02T00:00"))
                .as("an instant needs its offset").isInstanceOf(BadRequest.class).hasMessageStartingWith("to must be");
    }
}
