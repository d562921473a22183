package org.tokengov.inactivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** The policy's boundary: unused for six months (counted from the last use, or from issue) means revoked. */
class InactivityRuleTest {

    static final InactivityProperties POLICY = new InactivityProperties(Period.ofMonths(6), Period.ofDays(14),
            "0 0 2 * * ?", 0.5, Duration.ofMinutes(1));
    static final InactivityRule RULE = new InactivityRule(POLICY);

    static final Instant ISSUED = Instant.parse("2026-01-05T09:00:00Z");
    static final Instant LAST_USE = Instant.parse("2026-02-10T14:30:00Z");
    static final Instant SIX_MONTHS_AFTER_USE = Instant.parse("2026-08-10T14:30:00Z");

    @Test
    void oneDayBeforeSixMonthsIsNotRevokedAndOneDayAfterIs() {
        assertThat(RULE.decide(LAST_USE, LAST_USE, SIX_MONTHS_AFTER_USE.minus(Duration.ofDays(1))))
                .isEqualTo(InactivityVerdict.KEEP);
        assertThat(RULE.decide(LAST_USE, LAST_USE, SIX_MONTHS_AFTER_USE.plus(Duration.ofDays(1))))
                .isEqualTo(InactivityVerdict.REVOKE);
    }

    @Test
    void exactlySixMonthsIsRevokedAndOneSecondBeforeIsNot() {
        assertThat(RULE.revocationDue(LAST_USE)).isEqualTo(SIX_MONTHS_AFTER_USE);
        assertThat(RULE.decide(LAST_USE, LAST_USE, SIX_MONTHS_AFTER_USE)).isEqualTo(InactivityVerdict.REVOKE);
        assertThat(RULE.decide(LAST_USE, LAST_USE, SIX_MONTHS_AFTER_USE.minusSeconds(1))).isEqualTo(InactivityVerdict.KEEP);
    }

    @Test
    void aNeverUsedTokenCountsFromItsIssue() {
        Instant since = InactivityRule.inactiveSince(ISSUED, null);
        assertThat(since).isEqualTo(ISSUED);
        Instant due = Instant.parse("2026-07-05T09:00:00Z");
        assertThat(RULE.decide(since, since, due.minus(Duration.ofDays(1)))).isEqualTo(InactivityVerdict.KEEP);
        assertThat(RULE.decide(since, since, due.plus(Duration.ofDays(1)))).isEqualTo(InactivityVerdict.REVOKE);
    }

    @Test
    void aUseBeforeTheTokenWasIssuedDoesNotCount() {
        assertThat(InactivityRule.inactiveSince(ISSUED, ISSUED.minus(Duration.ofDays(300)))).isEqualTo(ISSUED);
        assertThat(InactivityRule.inactiveSince(ISSUED, LAST_USE)).isEqualTo(LAST_USE);
    }

    @Test
    void theHolderIsWarnedFourteenDaysBeforeAndOnlyOncePerInactivityPeriod() {
        Instant warningFrom = Instant.parse("2026-07-27T14:30:00Z");
        assertThat(RULE.warningDue(LAST_USE)).isEqualTo(warningFrom);
        assertThat(RULE.decide(LAST_USE, null, warningFrom.minusSeconds(1))).isEqualTo(InactivityVerdict.KEEP);
        assertThat(RULE.decide(LAST_USE, null, warningFrom)).isEqualTo(InactivityVerdict.WARN);
        assertThat(RULE.decide(LAST_USE, null, SIX_MONTHS_AFTER_USE.minus(Duration.ofDays(1))))
                .isEqualTo(InactivityVerdict.WARN);
        assertThat(RULE.decide(LAST_USE, LAST_USE, warningFrom.plus(Duration.ofDays(1))))
                .as("warned already for this period").isEqualTo(InactivityVerdict.KEEP);
        Instant earlierPeriod = LAST_USE.minus(Duration.ofDays(200));
        assertThat(RULE.decide(LAST_USE, earlierPeriod, warningFrom.plus(Duration.ofDays(1))))
                .as("a warning for an earlier period does not count: the token was used since").isEqualTo(InactivityVerdict.WARN);
    }

    @Test
    void monthsAreCalendarMonths() {
        Instant endOfAugust = Instant.parse("2025-08-31T10:00:00Z");
        assertThat(RULE.revocationDue(endOfAugust)).isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new InactivityProperties(Period.ofDays(10), Period.ofDays(14), "0 0 2 * * ?", 0.5,
                Duration.ofMinutes(1))).hasMessageContaining("warning-before must be shorter");
        assertThatThrownBy(() -> new InactivityProperties(Period.ZERO, Period.ZERO, "0 0 2 * * ?", 0.5,
                Duration.ofMinutes(1))).hasMessageContaining("unused-period must be positive");
        assertThatThrownBy(() -> new InactivityProperties(Period.ofMonths(6), Period.ofDays(14), "0 0 2 * * ?", 0.5,
                Duration.ZERO)).hasMessageContaining("batch-interval must be positive");
    }
}
