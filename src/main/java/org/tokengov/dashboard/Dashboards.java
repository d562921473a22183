package org.tokengov.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tokengov.offboarding.OffboardingReports;
import org.tokengov.offboarding.OffboardingReports.Report;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.requeststate.RequestWaits;
import org.tokengov.requeststate.WaitingPoint;

/** Builds the dashboard of one viewer and filter from the registry, the engine and the offboarding reports. */
@Service
class Dashboards {

    /** Offboardings received this long ago or later feed the table and the time-to-revoke chart. */
    static final Duration OFFBOARDING_PERIOD = Duration.ofDays(365);
    /** The table lists the newest ones; the chart counts them all. */
    static final int OFFBOARDING_ROWS = 50;
    /** The token table shows this many at a time, newest issue first; the figures and the CSV count them all. */
    static final int TOKEN_ROWS = 50;

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

    /** {@code tokenPage}: which page of the token table, from 0. */
    DashboardView of(Viewer viewer, DashboardFilter filter, int tokenPage) {
        Instant now = clock.instant();
        List<IssuedToken> tokens = records.tokens(viewer, filter);
        TokenFigures figures = TokenFigures.of(tokens, now);
        List<TokenRequestRecord> openRequests = records.openRequests(viewer, filter).stream()
                .sorted(Comparator.comparing(TokenRequestRecord::submittedAt)).toList();
        Map<String, Optional<WaitingPoint>> waiting = waits.of(openRequests.stream().map(TokenRequestRecord::id).toList());
        List<OpenRequestRow> open = openRequests.stream()
                .map(request -> OpenRequestRow.of(request, waiting.get(request.id()).orElse(null), now))
                .toList();
        String requestsChart = BarChartSvg.render("Token requests per month", RequestsPerMonth.of(
                records.requestsSince(viewer, filter, RequestsPerMonth.firstMonthStart(now)).stream()
                        .map(TokenRequestRecord::submittedAt).toList(), now));
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
                revocationChart, rows(tokens.stream().skip((long) tokenPage * TOKEN_ROWS).limit(TOKEN_ROWS).toList(), now),
                tokens.size(), tokenPage, TOKEN_ROWS);
    }

    /** The token list for the CSV export, with the same visibility and filter as the page. */
    List<IssuedToken> tokens(Viewer viewer, DashboardFilter filter) {
        return records.tokens(viewer, filter);
    }

    private static List<TokenRow> rows(List<IssuedToken> tokens, Instant now) {
        return tokens.stream().map(token -> TokenRow.of(token, now)).toList();
    }
}
