package org.tokengov.redcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared budget as two replicas use it: two budgets on one PostgreSQL database, each with its own connection pool,
 * the app's migrations applied. Short windows keep the run short; the arithmetic does not depend on the window.
 */
class SharedRateBudgetIT {

    private static TwoReplicas replicas;

    @BeforeAll
    static void database() {
        replicas = TwoReplicas.onNewDatabase();
    }

    @AfterAll
    static void closePools() {
        replicas.close();
    }

    @Test
    void twoReplicasHammeringOneServerNeverStartMoreThanItsBudgetInAnyWindowAndUseNearlyAllOfIt() throws Exception {
        int permits = 20;
        Duration window = Duration.ofSeconds(1);
        List<Long> starts = replicas.hammer("HAMMER", permits, window, 4, Duration.ofSeconds(6));

        assertThat(TwoReplicas.mostInAnyWindow(starts, window)).as("most starts in any window").isEqualTo(permits);
        long first = starts.get(0);
        int windows = 5;
        long within = starts.stream().filter(start -> start - first < windows * window.toNanos()).count();
        assertThat(within).as("starts in the first %d windows, demand exceeding the budget", windows)
                .isGreaterThanOrEqualTo((long) (0.9 * windows * permits));
    }

    @Test
    void aBudgetSpentOnOneReplicaIsSpentOnTheOther() {
        Duration minute = Duration.ofMinutes(1);
        CallStartLog a = new DatabaseCallStartLog(replicas.a, "SPENT", 3, minute, Duration.ZERO);
        CallStartLog b = new DatabaseCallStartLog(replicas.b, "SPENT", 3, minute, Duration.ZERO);

        assertThat(b.freeNow()).isEqualTo(3);
        assertThat(List.of(a.tryAcquire(), a.tryAcquire(), a.tryAcquire())).containsOnly(true);

        assertThat(b.tryAcquire()).isFalse();
        assertThat(a.tryAcquire()).isFalse();
        assertThat(b.freeNow()).isZero();
        assertThatThrownBy(b::acquireStart).isInstanceOf(RateBudgetExhaustedException.class)
                .hasMessageContaining("rate budget exhausted for REDCap SPENT");
        assertThat(new RateBudget(b).freeNow()).as("through the API callers use").isZero();
    }

    @Test
    void everyReplicaSeesWhenTheSharedBudgetsNextCallFrees() {
        Duration minute = Duration.ofMinutes(1);
        CallStartLog a = new DatabaseCallStartLog(replicas.a, "NEXT", 2, minute, Duration.ZERO);
        CallStartLog b = new DatabaseCallStartLog(replicas.b, "NEXT", 2, minute, Duration.ZERO);
        assertThat(b.nanosUntilNextSlot()).as("a call is free").isZero();

        a.acquireStart();
        assertThat(b.nanosUntilNextSlot()).as("one call still free").isZero();
        a.acquireStart();

        Duration next = new RateBudget(b).untilNextSlot();
        assertThat(next).as("the first start leaves the window a minute after it began")
                .isGreaterThan(Duration.ofSeconds(50)).isLessThanOrEqualTo(minute);
        assertThatThrownBy(b::acquireStart).isInstanceOfSatisfying(RateBudgetExhaustedException.class,
                spent -> assertThat(spent.nextSlotIn()).hasValueSatisfying(
                        wait -> assertThat(wait).isGreaterThan(Duration.ofSeconds(50)).isLessThanOrEqualTo(next)));
    }

    @Test
    void aLoweredBudgetKeepsTheRecentStartsAndARaisedOneAddsFreeSlots() {
        Duration minute = Duration.ofMinutes(1);
        CallStartLog before = new DatabaseCallStartLog(replicas.a, "RESIZE", 4, minute, Duration.ZERO);
        assertThat(List.of(before.tryAcquire(), before.tryAcquire())).containsOnly(true);

        CallStartLog lowered = new DatabaseCallStartLog(replicas.b, "RESIZE", 2, minute, Duration.ZERO);
        assertThat(lowered.freeNow()).as("the two slots left are the two just taken").isZero();
        assertThat(lowered.tryAcquire()).isFalse();

        CallStartLog raised = new DatabaseCallStartLog(replicas.a, "RESIZE", 5, minute, Duration.ZERO);
        assertThat(raised.freeNow()).isEqualTo(3);
        assertThat(List.of(raised.tryAcquire(), raised.tryAcquire(), raised.tryAcquire())).containsOnly(true);
        assertThat(raised.tryAcquire()).isFalse();
    }
}
