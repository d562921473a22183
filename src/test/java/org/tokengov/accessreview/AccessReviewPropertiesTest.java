package org.tokengov.accessreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccessReviewPropertiesTest {

    @Test
    void theTimersReadTheScheduleTheDeadlineAndTheDeadlinePlusTheEscalationPeriod() {
        AccessReviewSchedule schedule = new AccessReviewSchedule(
                new AccessReviewProperties("0 0 7 1 1,4,7,10 ?", Duration.ofDays(14), Duration.ofDays(7)));

        assertThat(schedule.getCycle()).isEqualTo("0 0 7 1 1,4,7,10 ?");
        assertThat(Duration.parse(schedule.getReminderDue())).isEqualTo(Duration.ofDays(14));
        assertThat(Duration.parse(schedule.getEscalationDue())).isEqualTo(Duration.ofDays(21));
    }

    @Test
    void anIsoRepeatingIntervalIsAValidSchedule() {
        assertThat(new AccessReviewProperties("R/2027-01-04T07:00:00Z/P3M", Duration.ofDays(14), Duration.ofDays(7))
                .schedule()).startsWith("R/");
    }

    @Test
    void nonsenseIsRefusedAtStartup() {
        assertThatThrownBy(() -> new AccessReviewProperties("quarterly", Duration.ofDays(14), Duration.ofDays(7)))
                .hasMessageContaining("tokengov.access-review.schedule");
        assertThatThrownBy(() -> new AccessReviewProperties("0 0 7 1 1,4,7,10 ?", Duration.ZERO, Duration.ofDays(7)))
                .hasMessageContaining("review-deadline must be positive");
        assertThatThrownBy(() -> new AccessReviewProperties("0 0 7 1 1,4,7,10 ?", Duration.ofDays(14), Duration.ofDays(-1)))
                .hasMessageContaining("escalation-after must be positive");
    }
}
