package org.tokengov.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which termination keeps a person from tokens: events follow their effective dates, not their order of arrival. */
class HolderDepartureTest {

    static final Instant NOV = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant DEC = Instant.parse("2026-12-01T00:00:00Z");
    static final HolderDeparture LEFT_IN_NOVEMBER = new HolderDeparture("nov", NOV);

    @Test
    void aFirstTerminationIsTheDeparture() {
        assertThat(HolderDeparture.after(Optional.empty(), "nov", NOV)).isEqualTo(LEFT_IN_NOVEMBER);
    }

    @Test
    void aLaterDatedTerminationReplacesTheOneOnRecordAndAnEarlierDatedOneDoesNot() {
        assertThat(HolderDeparture.after(Optional.of(LEFT_IN_NOVEMBER), "dec", DEC)).isEqualTo(new HolderDeparture("dec", DEC));
        assertThat(HolderDeparture.after(Optional.of(new HolderDeparture("dec", DEC)), "nov", NOV))
                .isEqualTo(new HolderDeparture("dec", DEC));
    }

    @Test
    void aRehireDatedAfterTheTerminationEndsIt() {
        assertThat(HolderDeparture.afterReturn(Optional.of(LEFT_IN_NOVEMBER), DEC)).isEmpty();
        assertThat(HolderDeparture.afterReturn(Optional.of(LEFT_IN_NOVEMBER), NOV)).as("same moment: back").isEmpty();
    }

    @Test
    void aRehireDatedBeforeTheTerminationChangesNothing() {
        assertThat(HolderDeparture.afterReturn(Optional.of(new HolderDeparture("dec", DEC)), NOV))
                .contains(new HolderDeparture("dec", DEC));
        assertThat(HolderDeparture.afterReturn(Optional.empty(), NOV)).isEmpty();
    }
}
