package org.tokengov.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.tokengov.offboarding.OffboardingReports;
import org.tokengov.offboarding.OffboardingReports.Report;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenReports;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.registry.TokenSelection;
import org.tokengov.registry.TokenState;
import org.tokengov.requeststate.RequestWaits;
import org.tokengov.requeststate.WaitingPoint;

/**
 * Builds the dashboard of one viewer and filter from the registry, the engine, the offboarding reports and the usage
 * counts ({@link FairUseBoard}).
 */
@Service
class Dashboards {

    /** Offboardings received this long ago or later feed the table and the time-to-revoke chart. */
    static final Duration OFFBOARDING_PERIOD = Duration.ofDays(365);
    /** The table lists the newest ones; the chart counts them all. */
    static final int OFFBOARDING_ROWS = 50;
    /** Requests that ended without a token this long ago or later are listed, the newest {@link #ENDED_ROWS}. */
    static final Duration ENDED_PERIOD = Duration.ofDays(90);
    static final int ENDED_ROWS = 20;

    private final VisibleRecords records;
    private final TokenReports tokenReports;
    private final RequestWaits waits;
    private final OffboardingReports offboardings;
    private final FairUseBoard fairUse;
    private final ManagedProjectTokens piTokens;
    private final OpenTaskLinks taskLinks;
    private final Clock clock;

    Dashboards(VisibleRecords records, TokenReports tokenReports, RequestWaits waits, OffboardingReports offboardings,
            FairUseBoard fairUse, ManagedProjectTokens piTokens, OpenTaskLinks taskLinks, Clock clock) {
        this.piTokens = piTokens;
        this.taskLinks = taskLinks;
        this.records = records;
        this.tokenReports = tokenReports;
        this.waits = waits;
        this.offboardings = offboardings;
        this.fairUse = fairUse;
        this.clock = clock;
    }

    /** {@code pages}: which page of each token list, from 0 (absent: the first). */
    DashboardView of(Viewer viewer, DashboardFilter filter, Map<TokenListName, Integer> pages) {
        Instant now = clock.instant();
        TokenSelection visible = records.tokens(viewer, filter);
        TokenFigures figures = TokenFigures.read(tokenReports, visible, now);
        List<TokenRequestRecord> openRequests = records.openRequests(viewer, filter).stream()
                .sorted(Comparator.comparing(TokenRequestRecord::submittedAt)).toList();
        Map<String, Optional<WaitingPoint>> waiting = waits.of(openRequests.stream().map(TokenRequestRecord::id).toList());
        Map<String, String> links = taskLinks.visibleTo(viewer, waiting.values().stream().flatMap(Optional::stream)
                .map(WaitingPoint::taskId).filter(Objects::nonNull).toList());
        List<OpenRequestRow> open = openRequests.stream()
                .map(request -> {
                    WaitingPoint point = waiting.get(request.id()).orElse(null);
                    return OpenRequestRow.of(request, point, point == null ? null : links.get(point.taskId()), now);
                })
                .toList();
        List<EndedRequestRow> ended = records.endedRequests(viewer, filter, now.minus(ENDED_PERIOD), ENDED_ROWS).stream()
                .map(EndedRequestRow::of).toList();
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
        TokenList<TokenRow> expiringSoon = list(TokenListName.EXPIRING_SOON, pages, filter, figures.expiringSoon(), now,
                (offset, limit) -> tokenReports.expiringBefore(visible.narrowedTo(TokenState.LIVE),
                        TokenFigures.expiringSoonDeadline(now), offset, limit));
        TokenList<TokenRow> unused = list(TokenListName.UNUSED, pages, filter, figures.unused(), now,
                (offset, limit) -> tokenReports.idleSince(visible.narrowedTo(TokenFigures.USABLE),
                        TokenFigures.unusedBefore(now), offset, limit));
        TokenList<TokenRow> suspended = list(TokenListName.SUSPENDED, pages, filter, figures.suspended(), now,
                (offset, limit) -> tokenReports.newestFirst(visible.narrowedTo(EnumSet.of(TokenState.SUSPENDED)), offset, limit));
        TokenList<TokenRow> tokens = list(TokenListName.TOKENS, pages, filter, figures.total().total(), now,
                (offset, limit) -> tokenReports.newestFirst(visible, offset, limit));
        return new DashboardView(figures.byState(), figures.total(), figures.expiryWindows(), expiringSoon, unused,
                suspended, open, ended, requestsChart, offboardingRows, revocationChart, tokens,
                fairUse.of(viewer, filter, visible, pages.getOrDefault(TokenListName.DECLARED_USE, 0), now),
                piTokens.of(viewer, filter, pages.getOrDefault(TokenListName.PI_TOKENS, 0), now).orElse(null));
    }

    /** The tokens of the CSV export: the same visibility and filter as the page; refused as the page refuses. */
    TokenSelection exported(Viewer viewer, DashboardFilter filter) {
        return records.tokens(viewer, filter);
    }

    /** Every token of the export, newest issue first, handed over as the registry reads them. */
    void forEachToken(TokenSelection exported, Consumer<IssuedToken> action) {
        tokenReports.forEachNewestFirst(exported, action);
    }

    /** One page of a list of {@code total} tokens; {@code page} reads {@code limit} of them from {@code offset}. */
    private static TokenList<TokenRow> list(TokenListName name, Map<TokenListName, Integer> pages, DashboardFilter filter, long total,
            Instant now, BiFunction<Integer, Integer, List<IssuedToken>> page) {
        int number = pages.getOrDefault(name, 0);
        List<TokenRow> rows = page.apply(number * name.pageSize, name.pageSize).stream()
                .map(token -> TokenRow.of(token, now)).toList();
        return TokenList.of(name, rows, total, number, filter);
    }
}
