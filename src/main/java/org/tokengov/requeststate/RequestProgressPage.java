package org.tokengov.requeststate;

import java.util.List;

/** One page of the requests a person may see: {@code page} counts from 0; {@code total} is of all pages together. */
public record RequestProgressPage(List<RequestProgress> requests, int page, int size, long total) {

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
