package org.tokengov.redcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OldestSlotTest {

    private static final Instant STARTED = Instant.parse("2026-12-06T10:00:00.000001Z");
    private static final Duration WINDOW = RateBudget.WINDOW;

    @Test
    void aSlotFreesExactlyOneWindowAfterItsLastStart() {
        assertThat(new OldestSlot(1, STARTED, STARTED).untilFree(WINDOW)).isEqualTo(WINDOW);
        assertThat(new OldestSlot(1, STARTED, STARTED.plusSeconds(60)).untilFree(WINDOW)).isEqualTo(Duration.ofSeconds(2));
        assertThat(new OldestSlot(1, STARTED, STARTED.plus(WINDOW).minusNanos(1000)).untilFree(WINDOW))
                .as("a microsecond, the database clock's resolution").isEqualTo(Duration.ofNanos(1000));
        assertThat(new OldestSlot(1, STARTED, STARTED.plus(WINDOW)).untilFree(WINDOW)).isZero();
    }

    @Test
    void aSlotLongFreeNeedsNoWaitAndANeverUsedOneNeither() {
        assertThat(new OldestSlot(1, STARTED, STARTED.plus(Duration.ofDays(1))).untilFree(WINDOW)).isZero();
        assertThat(new OldestSlot(1, Instant.EPOCH, STARTED).untilFree(WINDOW)).isZero();
    }
}
