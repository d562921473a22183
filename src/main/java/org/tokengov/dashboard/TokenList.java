package org.tokengov.dashboard;

import java.util.List;

/**
 * One page of one of the dashboard's token lists: its rows (one per token: {@link TokenRow}, or another view of the
 * token), how many tokens the whole list has, and links to the pages before and after it that keep the filter (null
 * where there is none).
 */
record TokenList<R>(List<R> rows, long total, int page, int pageSize, String previousLink, String nextLink) {

    static <R> TokenList<R> of(TokenListName name, List<R> rows, long total, int page, DashboardFilter filter) {
        boolean more = (long) (page + 1) * name.pageSize < total;
        return new TokenList<>(rows, total, page, name.pageSize, page > 0 ? name.link(filter, page - 1) : null,
                more ? name.link(filter, page + 1) : null);
    }

    /** The position in the whole list of the page's first token, from 1. */
    public long first() {
        return (long) page * pageSize + 1;
    }

    public long last() {
        return (long) page * pageSize + rows.size();
    }

    /** Whether the list has more tokens than one page holds: then the page says which part it shows. */
    public boolean paged() {
        return total > pageSize;
    }
}
