package org.tokengov.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequestNumberTest {

    @Test
    void aNumberIsTheYearAndTheRequestsPlaceInItWithAtLeastFourDigits() {
        assertThat(RequestNumber.of(2026, 42)).isEqualTo("REQ-2026-0042");
        assertThat(RequestNumber.of(2026, 1)).isEqualTo("REQ-2026-0001");
        assertThat(RequestNumber.of(2026, 9999)).isEqualTo("REQ-2026-9999");
        assertThat(RequestNumber.of(2026, 12345)).isEqualTo("REQ-2026-12345");
        assertThatThrownBy(() -> RequestNumber.of(2026, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePlaceIsReadBackOnlyFromANumberOfThatYear() {
        assertThat(RequestNumber.positionIn("REQ-2026-0042", 2026)).hasValue(42);
        assertThat(RequestNumber.positionIn("REQ-2026-12345", 2026)).hasValue(12345);
        assertThat(RequestNumber.positionIn("REQ-2025-0042", 2026)).isEmpty();
        assertThat(RequestNumber.positionIn("REQ-2026-42", 2026)).isEmpty();
        assertThat(RequestNumber.positionIn("something else", 2026)).isEmpty();
        assertThat(RequestNumber.positionIn(null, 2026)).isEmpty();
    }

    @Test
    void theSequenceCountsOnWithinAYearAndStartsAgainAtOneInTheNext() {
        RequestNumberCounter counter = new RequestNumberCounter(2026, 41);

        RequestNumberCounter next = counter.next(2026, () -> {
            throw new AssertionError("the counter knows this year's last number");
        });
        assertThat(next.number()).isEqualTo("REQ-2026-0042");
        assertThat(next.next(2026, () -> 0).number()).isEqualTo("REQ-2026-0043");

        RequestNumberCounter newYear = next.next(2027, () -> 0);
        assertThat(newYear.number()).isEqualTo("REQ-2027-0001");
        assertThat(newYear.next(2027, () -> 0).number()).isEqualTo("REQ-2027-0002");
    }

    @Test
    void aClockBackInAYearThatHasRequestsGoesOnAfterItsHighestNumberNeverReusingOne() {
        RequestNumberCounter counter = new RequestNumberCounter(2027, 3);

        assertThat(counter.next(2026, () -> 57).number()).isEqualTo("REQ-2026-0058");
    }

    @Test
    void theFirstRequestEverIsNumberOne() {
        assertThat(new RequestNumberCounter(0, 0).next(2026, () -> 0).number()).isEqualTo("REQ-2026-0001");
    }
}
