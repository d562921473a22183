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
    void filterTimesMayCarrySecondsAsPyCapSendsThem() {
        assertThat(RedcapTimestamps.parseFilterTime("2026-03-04 05:06")).isEqualTo(LocalDateTime.of(2026, 3, 4, 5, 6, 0));
        assertThat(RedcapTimestamps.parseFilterTime("2026-03-04 05:06:07")).isEqualTo(LocalDateTime.of(2026, 3, 4, 5, 6, 7));
    }

    @Test
    void writesDatetimesToTheSecond() {
        assertThat(RedcapTimestamps.toSecond(LocalDateTime.of(2019, 6, 3, 9, 0))).isEqualTo("2019-06-03 09:00:00");
        assertThat(RedcapTimestamps.toSecond(null)).isEmpty();
    }

    @Test
    void refusesFilterTimesInOtherShapes() {
        assertThatThrownBy(() -> RedcapTimestamps.parseMinute("2026-03-04")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> RedcapTimestamps.parseMinute("2026-02-30 10:00")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> RedcapTimestamps.parseMinute("04/03/2026 10:00")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> RedcapTimestamps.parseFilterTime("2026-03-04 25:00:00"))
                .isInstanceOf(DateTimeParseException.class);
    }
}
