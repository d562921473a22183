package org.tokengov.dashboard;

import java.util.List;
import org.tokengov.dashboard.TokenFigures.ExpiryWindow;
import org.tokengov.dashboard.TokenFigures.StateCount;

/**
 * Everything the page shows, ready to print. {@code offboardings} and {@code revocationChart} are null for people who
 * are not administrators: departures are about other people. The charts are SVG markup built by {@link BarChartSvg}.
 * The token lists (expiring soon, unused, suspended, all that match) each show one page and their total.
 * {@code fairUse}: what tokens did against the fair-use policy, within the same visibility. {@code endedRequests}:
 * requests refused, rejected or closed lately, with their reason. {@code pi}: the tokens on the projects the viewer
 * manages in REDCap (null for a viewer who manages none).
 */
record DashboardView(
        List<StateCount> byState,
        StateCount total,
        List<ExpiryWindow> expiryWindows,
        TokenList<TokenRow> expiringSoon,
        TokenList<TokenRow> unused,
        TokenList<TokenRow> suspended,
        List<OpenRequestRow> openRequests,
        List<EndedRequestRow> endedRequests,
        String requestsChart,
        List<OffboardingRow> offboardings,
        String revocationChart,
        TokenList<TokenRow> tokens,
        FairUseView fairUse,
        PiView pi) {
}
