package org.tokengov.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokengov.offboarding.OffboardingEvent;
import org.tokengov.offboarding.OffboardingReports.Report;
import org.tokengov.offboarding.OffboardingReports.Revocation;

class ChartsTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void requestsPerMonthCoverTheLastTwelveMonthsOldestFirstWithEmptyMonthsAsZero() {
        List<Bar> bars = RequestsPerMonth.of(List.of(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-27T23:59:59Z"),
                Instant.parse("2026-10-31T23:59:59Z"), Instant.parse("2025-12-01T00:00:00Z"),
                Instant.parse("2025-11-30T23:59:59Z")), NOW);

        assertThat(bars).hasSize(12);
        assertThat(bars.get(0)).isEqualTo(new Bar("2025-12", 1));
        assertThat(bars.get(10)).isEqualTo(new Bar("2026-10", 1));
        assertThat(bars.get(11)).isEqualTo(new Bar("2026-11", 2));
        assertThat(bars.stream().mapToLong(Bar::value).sum()).as("November 2025 is outside").isEqualTo(4);
    }

    @Test
    void revocationTimesFallIntoBandsAndPendingOnesAreCountedApart() {
        List<Bar> bars = RevocationTimes.distribution(List.of(report(59), report(60), report(299), report(3600), report(90000),
                pending(), withoutTokens()));

        assertThat(bars).containsExactly(new Bar("< 1 min", 1), new Bar("1-5 min", 2), new Bar("5-15 min", 0),
                new Bar("15-60 min", 0), new Bar("1-4 h", 1), new Bar("4-24 h", 0), new Bar("> 1 day", 1), new Bar("pending", 1));
    }

    @Test
    void barsAreScaledToTheLargestCountAndEveryTextIsEscaped() {
        String svg = BarChartSvg.render("Requests <per> \"month\"", List.of(new Bar("a&b", 2), new Bar("c", 1), new Bar("d", 0)));

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>")
                .contains("aria-label=\"Requests &lt;per&gt; &quot;month&quot;\"")
                .contains("<title>Requests &lt;per&gt; &quot;month&quot;</title>")
                .contains(">a&amp;b</text>")
                .doesNotContain("<per>").doesNotContain("a&b");
        // Plot height 150: the largest bar fills it, the half-size bar takes half, an empty one none.
        assertThat(svg).contains("height=\"150.0\"").contains("height=\"75.0\"").contains("height=\"0.0\"");
    }

    @Test
    void anEmptyChartStillRenders() {
        assertThat(BarChartSvg.render("Nothing", List.of())).contains("<title>Nothing</title>").doesNotContain("<rect");
    }

    @Test
    void durationsReadCoarsely() {
        assertThat(Readable.duration(Duration.ofSeconds(40))).isEqualTo("40 s");
        assertThat(Readable.duration(Duration.ofMinutes(25))).isEqualTo("25 min");
        assertThat(Readable.duration(Duration.ofMinutes(60))).isEqualTo("1 h");
        assertThat(Readable.duration(Duration.ofMinutes(135))).isEqualTo("2 h 15 min");
        assertThat(Readable.duration(Duration.ofHours(76))).isEqualTo("3 d 4 h");
        assertThat(Readable.duration(Duration.ofDays(200))).isEqualTo("200 d");
        assertThat(Readable.duration(Duration.ofSeconds(-5))).isEqualTo("0 s");
    }

    private static Report report(long secondsToRevoke) {
        return new Report(event(), List.of(new Revocation("PROD", 101, "t1", NOW.plusSeconds(secondsToRevoke)),
                new Revocation("QA", 201, "t2", NOW.plusSeconds(1))));
    }

    private static Report pending() {
        return new Report(event(), List.of(new Revocation("PROD", 101, "t1", null)));
    }

    private static Report withoutTokens() {
        return new Report(event(), List.of());
    }

    private static OffboardingEvent event() {
        return new OffboardingEvent("e", "carol", "hr-webhook", "left", OffboardingEvent.TERMINATED, null, NOW, NOW, null, null, null);
    }
}
