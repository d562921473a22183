package org.tokengov.redcapsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OutageSwitchTest {

    private final OutageSwitch outage = new OutageSwitch();

    @Test
    void doesNotWaitWhenTheServerIsUp() throws InterruptedException {
        assertThat(outage.awaitEndOfHang(Duration.ofMinutes(1))).isEqualTo(OutageMode.NONE);
    }

    @Test
    void aHangEndsWhenTheModeIsSetBack() throws Exception {
        outage.set(OutageMode.HANG);
        CompletableFuture<OutageMode> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return outage.awaitEndOfHang(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertThat(waiting).isNotDone();

        outage.set(OutageMode.NONE);

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(OutageMode.NONE);
    }

    @Test
    void aHangLastsNoLongerThanTheLimit() throws InterruptedException {
        outage.set(OutageMode.HANG);
        long start = System.nanoTime();

        OutageMode after = outage.awaitEndOfHang(Duration.ofMillis(200));

        assertThat(after).isEqualTo(OutageMode.HANG);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(190), Duration.ofSeconds(5));
    }

    @Test
    void readsModesCaseInsensitively() {
        assertThat(OutageMode.ofParameter("Hang")).contains(OutageMode.HANG);
        assertThat(OutageMode.ofParameter("down")).isEmpty();
        assertThat(OutageMode.ofParameter(null)).isEmpty();
    }
}
