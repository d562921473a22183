package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TerminationWindowTest {

    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    final TerminationWindow rule = new TerminationWindow(20, Duration.ofHours(1));

    @Test
    void moreThanTheThresholdIsAWaveTheThresholdItselfIsNot() {
        assertThat(rule.isWave(20)).isFalse();
        assertThat(rule.isWave(21)).isTrue();
        assertThat(rule.isWave(0)).isFalse();
    }

    @Test
    void theWindowReachesBackItsLengthFromNow() {
        assertThat(rule.countsFrom(NOW, Optional.empty())).isEqualTo(Instant.parse("2026-12-06T09:00:00Z"));
    }

    @Test
    void aWaveDecidedWithinTheWindowStartsTheCountAfresh() {
        Instant decided = Instant.parse("2026-12-06T09:40:00Z");
        assertThat(rule.countsFrom(NOW, Optional.of(decided))).isEqualTo(decided);
    }

    @Test
    void aDecisionBeforeTheWindowChangesNothing() {
        assertThat(rule.countsFrom(NOW, Optional.of(Instant.parse("2026-12-06T08:00:00Z"))))
                .isEqualTo(Instant.parse("2026-12-06T09:00:00Z"));
    }

    @Test
    void aThresholdBelowOneOrAnEmptyWindowIsRefused() {
        assertThatThrownBy(() -> new TerminationWindow(0, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TerminationWindow(5, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
