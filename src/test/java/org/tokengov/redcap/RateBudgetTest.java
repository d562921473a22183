package org.tokengov.redcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateBudgetTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final long MINUTE_NANOS = MINUTE.toNanos();

    @Test
    void burstUpToTheBudgetThenWaitsForTheWindowToSlide() {
        FakeTime time = new FakeTime();
        RateBudget budget = new RateBudget("QA", 3, MINUTE, Duration.ofMinutes(2), time);

        assertThat(List.of(budget.acquireStart(), budget.acquireStart(), budget.acquireStart())).containsOnly(0L);
        assertThat(time.sleeps).isEmpty();

        long fourth = budget.acquireStart();

        assertThat(fourth).isEqualTo(MINUTE_NANOS);
        assertThat(time.sleeps).containsExactly(MINUTE_NANOS);
    }

    @Test
    void freeNowCountsThePermitsNotTakenWithinTheWindow() {
        FakeTime time = new FakeTime();
        RateBudget budget = new RateBudget("QA", 4, MINUTE, Duration.ofMinutes(2), time);

        assertThat(budget.freeNow()).isEqualTo(4);
        budget.acquireStart();
        budget.acquireStart();
        assertThat(budget.freeNow()).isEqualTo(2);
        budget.acquireStart();
        budget.acquireStart();
        assertThat(budget.freeNow()).isZero();
        budget.acquireStart();
        assertThat(budget.freeNow()).as("a minute later four of the last window's starts have left it, one is new")
                .isEqualTo(3);
    }

    @Test
    void blocksOnlyAsLongAsTheOldestStartNeedsToLeaveTheWindow() {
        FakeTime time = new FakeTime();
        RateBudget budget = new RateBudget("QA", 2, MINUTE, Duration.ofSeconds(30), time);
        budget.acquire();
        time.advance(Duration.ofSeconds(20));
        budget.acquire();
        time.advance(Duration.ofSeconds(15)); // t = 35 s; the first start leaves the window at 60 s

        long third = budget.acquireStart();

        assertThat(third).isEqualTo(MINUTE_NANOS);
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(25).toNanos());
    }

    @Test
    void refusesAtOnceWhenTheNextSlotIsFurtherAwayThanTheMaximumWait() {
        FakeTime time = new FakeTime();
        RateBudget budget = new RateBudget("PROD", 2, MINUTE, Duration.ofSeconds(10), time);
        budget.acquire();
        budget.acquire();

        assertThatThrownBy(budget::acquire)
                .isInstanceOf(RedcapUnavailableException.class)
                .hasMessageContaining("rate budget exhausted")
                .hasMessageContaining("PROD");
        assertThat(time.sleeps).as("a refused caller does not wait").isEmpty();
        assertThat(time.nanoTime()).isZero();

        // A refused call takes no slot: 5 s before the window frees up, the next caller waits 5 s and goes.
        time.advance(Duration.ofSeconds(55));
        assertThat(budget.acquireStart()).isEqualTo(MINUTE_NANOS);
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(5).toNanos());
    }

    @Test
    void untilNextSlotIsZeroWhileACallIsFreeThenUntilTheOldestStartLeavesTheWindow() {
        FakeTime time = new FakeTime();
        RateBudget budget = new RateBudget("PROD", 2, MINUTE, Duration.ofSeconds(10), time);
        assertThat(budget.untilNextSlot()).isZero();
        budget.acquire();
        time.advance(Duration.ofSeconds(20));
        budget.acquire();
        time.advance(Duration.ofSeconds(15));

        assertThat(budget.untilNextSlot()).isEqualTo(Duration.ofSeconds(25));
        assertThatThrownBy(budget::acquire).isInstanceOfSatisfying(RateBudgetExhaustedException.class,
                spent -> assertThat(spent.nextSlotIn()).contains(Duration.ofSeconds(25)));
    }

    @Test
    void refusedWorkWaitsUntilTheNextSlotSpreadOverOneMaximumWaitAndAtLeastASecond() {
        Set<Duration> waits = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            Duration wait = RateBudget.laterWindowWait(Duration.ofSeconds(30));
            assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(30)).isLessThan(Duration.ofSeconds(35));
            waits.add(wait);
            assertThat(RateBudget.laterWindowWait(Duration.ZERO)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(5));
            assertThat(RateBudget.laterWindowWait(Duration.ofSeconds(-3))).isBetween(Duration.ofSeconds(1),
                    Duration.ofSeconds(5));
        }
        assertThat(waits).as("spread, so the waiters do not all come back in the same second").hasSizeGreaterThan(250);
        assertThat(RateBudget.laterWindowWait()).as("unknown next slot: about half a window")
                .isBetween(Duration.ofSeconds(15), Duration.ofSeconds(45));
    }

    @Test
    void aZeroMaximumWaitNeverBlocks() {
        FakeTime time = new FakeTime();
        RateBudget budget = new RateBudget("QA", 1, MINUTE, Duration.ZERO, time);
        budget.acquire();
        assertThatThrownBy(budget::acquire).isInstanceOf(RedcapUnavailableException.class);
        time.advance(MINUTE);
        budget.acquire();
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void neverMoreThanTheBudgetInAnySlidingWindowWhateverTheCallPattern() {
        FakeTime time = new FakeTime();
        RateBudget budget = new RateBudget("QA", 5, MINUTE, Duration.ofHours(1), time);
        Random random = new Random(42);
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // Bursts, trickles and pauses: gaps from 0 to 40 s, mostly short.
            int roll = random.nextInt(10);
            long gapMillis = roll < 6 ? 0 : roll < 9 ? random.nextInt(5_000) : random.nextInt(40_000);
            time.advance(Duration.ofMillis(gapMillis));
            starts.add(budget.acquireStart());
        }
        assertAtMostPerWindow(starts, 5, MINUTE_NANOS);
        assertThat(starts).isSorted();
    }

    @Test
    void threadsSharingOneBudgetNeverExceedItOnAFakeClock() throws Exception {
        FakeTime time = new FakeTime();
        RateBudget budget = new RateBudget("QA", 10, MINUTE, Duration.ofHours(1), time);
        List<Long> starts = runConcurrently(8, 25, budget);

        assertThat(starts).hasSize(200);
        assertAtMostPerWindow(starts, 10, MINUTE_NANOS);
        // 200 calls at 10 a minute: the last can start no earlier than after 19 full windows.
        assertThat(Collections.max(starts)).isGreaterThanOrEqualTo(19 * MINUTE_NANOS);
    }

    @Test
    void threadsSharingOneBudgetNeverExceedItOnTheRealClock() throws Exception {
        Duration window = Duration.ofMillis(250);
        RateBudget budget = new RateBudget("QA", 4, window, Duration.ofSeconds(10), TimeSource.SYSTEM);
        long begin = System.nanoTime();

        List<Long> starts = runConcurrently(4, 6, budget);

        assertThat(starts).hasSize(24);
        assertAtMostPerWindow(starts, 4, window.toNanos());
        assertThat(System.nanoTime() - begin).isGreaterThanOrEqualTo(5 * window.toNanos());
    }

    @Test
    void anInterruptedWaitIsRetryableAndKeepsTheInterruptFlag() {
        FakeTime time = new FakeTime() {
            @Override
            public void sleep(long nanos) throws InterruptedException {
                throw new InterruptedException();
            }
        };
        RateBudget budget = new RateBudget("QA", 1, MINUTE, MINUTE, time);
        budget.acquire();
        try {
            assertThatThrownBy(budget::acquire)
                    .isInstanceOf(RedcapUnavailableException.class)
                    .hasMessageContaining("Interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void tryAcquireTakesAFreePermitButNeverWaitsForOne() {
        FakeTime time = new FakeTime();
        RateBudget budget = new RateBudget("QA", 2, MINUTE, Duration.ofMinutes(2), time);

        assertThat(budget.tryAcquire()).isTrue();
        time.advance(Duration.ofSeconds(20));
        budget.acquire();
        assertThat(budget.tryAcquire()).as("both permits of the window are taken").isFalse();
        assertThat(time.sleeps).isEmpty();

        time.advance(Duration.ofSeconds(40));
        assertThat(budget.tryAcquire()).as("the first permit left the window").isTrue();
        assertThat(budget.tryAcquire()).isFalse();
    }

    @Test
    void aPermitTakenByTryAcquireCountsAgainstCallsThatWait() {
        FakeTime time = new FakeTime();
        RateBudget budget = new RateBudget("QA", 1, MINUTE, Duration.ofMinutes(2), time);
        assertThat(budget.tryAcquire()).isTrue();

        long next = budget.acquireStart();

        assertThat(next).isEqualTo(MINUTE_NANOS);
        assertThat(time.sleeps).containsExactly(MINUTE_NANOS);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new RateBudget("QA", 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateBudget("QA", 1, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneBudgetPerConfiguredServerSizedByItsSetting() {
        RedcapProperties properties = new RedcapProperties(Map.of(
                RedcapEnvironment.QA, server(30),
                RedcapEnvironment.PROD, server(null)));
        RateBudgets budgets = new RateBudgets(properties);

        assertThat(budgets.of(RedcapEnvironment.QA).permitsPerWindow()).isEqualTo(30);
        assertThat(budgets.of(RedcapEnvironment.PROD).permitsPerWindow())
                .isEqualTo(RedcapProperties.DEFAULT_RATE_BUDGET_PER_MINUTE);
        assertThat(budgets.of(RedcapEnvironment.QA)).isNotSameAs(budgets.of(RedcapEnvironment.PROD));

        RateBudgets qaOnly = new RateBudgets(new RedcapProperties(Map.of(RedcapEnvironment.QA, server(30))));
        assertThatThrownBy(() -> qaOnly.of(RedcapEnvironment.PROD))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PROD");
    }

    private static RedcapProperties.Server server(Integer budget) {
        return new RedcapProperties.Server(URI.create("http://127.0.0.1:1/api/"), TokenAdministrationMode.MANUAL, null,
                Map.of(), null, null, budget, null, null);
    }

    private static List<Long> runConcurrently(int threads, int callsEach, RateBudget budget) throws Exception {
        List<Long> starts = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Void>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<Void> caller = () -> {
                    go.await();
                    for (int i = 0; i < callsEach; i++) {
                        starts.add(budget.acquireStart());
                    }
                    return null;
                };
                results.add(pool.submit(caller));
            }
            go.countDown();
            for (Future<Void> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return starts;
    }

    /** Sorted, any {@code n + 1} consecutive starts span at least one window: no window holds more than {@code n}. */
    static void assertAtMostPerWindow(List<Long> starts, int n, long windowNanos) {
        List<Long> sorted = new ArrayList<>(starts);
        Collections.sort(sorted);
        for (int i = 0; i + n < sorted.size(); i++) {
            assertThat(sorted.get(i + n) - sorted.get(i))
                    .as("starts %d and %d are %d calls apart inside one window", i, i + n, n + 1)
                    .isGreaterThanOrEqualTo(windowNanos);
        }
    }

    /** A clock that only moves when told to or when someone sleeps on it; sleeping is instant. */
    static class FakeTime implements TimeSource {
        final AtomicLong now = new AtomicLong();
        final List<Long> sleeps = new CopyOnWriteArrayList<>();

        @Override
        public long nanoTime() {
            return now.get();
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
            sleeps.add(nanos);
            long target = now.get() + nanos;
            now.accumulateAndGet(target, Math::max);
        }

        void advance(Duration duration) {
            now.addAndGet(duration.toNanos());
        }
    }
}
