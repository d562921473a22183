package org.tokengov.dashboard;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The dashboard's token lists, each paged on its own: the query parameter that says which page of it to show (from
 * 0), the element its links jump to, and how many tokens a page holds.
 */
enum TokenListName {
    TOKENS("tokenPage", "tokens", 50),
    EXPIRING_SOON("expiringPage", "expiring-soon", 20),
    UNUSED("unusedPage", "unused", 20),
    SUSPENDED("suspendedPage", "suspended", 20),
    DECLARED_USE("usagePage", "declared-use", 20),
    PI_TOKENS("piPage", "pi-tokens", 50);

    final String parameter;
    final String anchor;
    final int pageSize;

    TokenListName(String parameter, String anchor, int pageSize) {
        this.parameter = parameter;
        this.anchor = anchor;
        this.pageSize = pageSize;
    }

    /** The dashboard with the same filter, at that page of this list (the other lists at their first). */
    String link(DashboardFilter filter, int page) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/dashboard");
        filter.parameters().forEach(link::queryParam);
        return link.queryParam(parameter, page).encode().build().toUriString() + "#" + anchor;
    }
}
