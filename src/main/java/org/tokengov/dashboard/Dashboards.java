package org.tokengov.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.tokengov.offboarding.OffboardingReports;
import org.tokengov.offboarding.OffboardingReports.Report;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.requeststate.RequestWaits;

/** Builds the dashboard of one viewer and filter from the registry, the engine and the offboarding reports. */
@Service
class Dashboards {

    /** Offboardings received this long ago or later feed the table and the time-to-revoke chart. */
    static final Duration OFFBOARDING_PERIOD = Duration.ofDays(365);
    /** The table lists the newest ones; the chart counts them all. */
    static final int OFFBOARDING_ROWS = 50;

    private final VisibleRecords records;
    private final RequestWaits waits;
    private final OffboardingReports offboardings;
    private final Clock clock;

    Dashboards(VisibleRecords records, RequestWaits waits, OffboardingReports offboardings, Clock clock) {
        this.records = records;
        this.waits = waits;
        this.offboardings = offboardings;
        this.clock = clock;
    }

    DashboardView of(Viewer viewer, DashboardFilter filter) {
        Instant now = clock.instant();
        List<IssuedToken> tokens = records.tokens(viewer, filter);
        List<TokenRequestRecord> requests = records.requests(viewer, filter);
        TokenFigures figures = TokenFigures.of(tokens, now);
        List<OpenRequestRow> open = requests.stream()
                .filter(request -> !request.status().isClosed())
                .sorted(Comparator.comparing(TokenRequestRecord::submittedAt))
                .map(request -> OpenRequestRow.of(request, waits.of(request.id()).orElse(null), now))
                .toList();
        String requestsChart = BarChartSvg.render("Token requests per month",
                RequestsPerMonth.of(requests.stream().map(TokenRequestRecord::submittedAt).toList(), now));
        List<OffboardingRow> offboardingRows = null;
        String revocationChart = null;
        if (viewer.admin()) {
            List<Report> reports = offboardings.receivedBetween(now.minus(OFFBOARDING_PERIOD), now.plusSeconds(1)).stream()
                    .filter(report -> filter.admitsPerson(report.event().username()))
                    .toList();
            List<Report> newestFirst = new ArrayList<>(reports);
            Collections.reverse(newestFirst);
            offboardingRows = newestFirst.stream().limit(OFFBOARDING_ROWS).map(OffboardingRow::of).toList();
            revocationChart = BarChartSvg.render("Offboardings by time to full revocation", RevocationTimes.distribution(reports));
        }
        return new DashboardView(figures.byState(), figures.total(), figures.expiryWindows(), rows(figures.expiringSoon(), now),
                rows(figures.unused(), now), rows(figures.suspended(), now), open, requestsChart, offboardingRows,
                revocationChart, rows(tokens, now));
    }

    /** The token list for the CSV export, with the same visibility and filter as the page. */
    List<IssuedToken> tokens(Viewer viewer, DashboardFilter filter) {
        return records.tokens(viewer, filter);
    }

    private static List<TokenRow> rows(List<IssuedToken> tokens, Instant now) {
        return tokens.stream().map(token -> TokenRow.of(token, now)).toList();
    }
}
