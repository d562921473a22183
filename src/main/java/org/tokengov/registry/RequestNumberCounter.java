package org.tokengov.registry;

import java.util.function.IntSupplier;

/**
 * The last number given ({@code request_number_counter}): the year it belongs to and its place in that year. The next
 * request of the same year takes the next place; the first of a new year starts after the highest place already used in
 * that year, which is none (1) unless the clock went back to a year that already has requests.
 */
record RequestNumberCounter(int year, int lastPosition) {

    RequestNumberCounter next(int submittedYear, IntSupplier highestPositionUsedInYear) {
        int position = submittedYear == year ? lastPosition + 1 : highestPositionUsedInYear.getAsInt() + 1;
        return new RequestNumberCounter(submittedYear, position);
    }

    String number() {
        return RequestNumber.of(year, lastPosition);
    }
}
