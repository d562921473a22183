package org.tokengov.dashboard;

import java.util.List;
import org.tokengov.dashboard.TokenFigures.ExpiryWindow;
import org.tokengov.dashboard.TokenFigures.StateCount;

/**
 * Everything the page shows, ready to print. {@code offboardings} and {@code revocationChart} are null for people who
 * are not administrators: departures are about other people. The charts are SVG markup built by {@link BarChartSvg}.
 * {@code tokens} is one page ({@code tokenPage}, from 0) of the {@code tokenTotal} tokens that match.
 */
record DashboardView(
        List<StateCount> byState,
        StateCount total,
        List<ExpiryWindow> expiryWindows,
        List<TokenRow> expiringSoon,
        List<TokenRow> unused,
        List<TokenRow> suspended,
        List<OpenRequestRow> openRequests,
        String requestsChart,
        List<OffboardingRow> offboardings,
        String revocationChart,
        List<TokenRow> tokens,
        long tokenTotal,
        int tokenPage,
        int tokenPageSize) {

    public boolean hasNextTokens() {
        return (long) (tokenPage + 1) * tokenPageSize < tokenTotal;
    }

    public boolean hasPreviousTokens() {
        return tokenPage > 0;
    }
}
