package org.tokengov.redcapsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class RedcapTimestampsTest {

    @Test
    void writesLogEventTimestampsAsFourteenDigits() {
        assertThat(RedcapTimestamps.toTs(LocalDateTime.of(2026, 3, 4, 5, 6, 7))).isEqualTo(20260304050607L);
    }

    @Test
    void readsLogEventTimestampsBack() {
        assertThat(RedcapTimestamps.fromTs(20261231235958L)).isEqualTo(LocalDateTime.of(2026, 12, 31, 23, 59, 58));
    }

    @Test
    void showsTimestampsToTheMinuteAsTheLogApiDoes() {
        assertThat(RedcapTimestamps.toMinute(20260304050607L)).isEqualTo("2026-03-04 05:06");
    }

    @Test
    void parsesFilterTimes() {
        assertThat(RedcapTimestamps.parseMinute(" 2026-03-04 05:06 ")).isEqualTo(LocalDateTime.of(2026, 3, 4, 5, 6));
    }

    @Test
    void refusesFilterTimesInOtherShapes() {
        assertThatThrownBy(() -> RedcapTimestamps.parseMinute("2026-03-04")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> RedcapTimestamps.parseMinute("2026-02-30 10:00")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> RedcapTimestamps.parseMinute("04/03/2026 10:00")).isInstanceOf(DateTimeParseException.class);
    }
}
