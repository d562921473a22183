package org.tokengov.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentValueTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void readsOncePerPeriodHoweverOftenAsked() {
        RecentValue<Integer> value = new RecentValue<>(reads::incrementAndGet, Duration.ofSeconds(15), now::get);

        assertThat(value.get()).isEqualTo(1);
        now.addAndGet(Duration.ofSeconds(14).toNanos());
        assertThat(value.get()).isEqualTo(1);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(value.get()).isEqualTo(2);
    }

    @Test
    void aFailureIsKeptForThePeriodTooThenTriedAgain() {
        RecentValue<Integer> value = new RecentValue<>(() -> {
            if (reads.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
            return reads.get();
        }, Duration.ofSeconds(15), now::get);

        assertThatThrownBy(value::get).hasMessage("database down");
        assertThatThrownBy(value::get).hasMessage("database down");
        assertThat(reads).hasValue(1);

        now.addAndGet(Duration.ofSeconds(15).toNanos());
        assertThat(value.get()).isEqualTo(2);
    }
}
