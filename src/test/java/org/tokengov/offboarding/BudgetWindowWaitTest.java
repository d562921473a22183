package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BudgetWindowWaitTest {

    @Test
    void waitsAboutHalfABudgetWindowSpreadSoWaitersDoNotReturnTogether() {
        Set<Duration> waits = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Duration wait = Duration.parse(new BudgetWindowWait().next());
            assertThat(wait).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(45));
            waits.add(wait);
        }
        assertThat(waits).as("spread, not all the same").hasSizeGreaterThan(100);
    }
}
