package org.tokengov.registry;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A token request's short number, {@code REQ-2026-0042}: the year of submission (UTC) and the request's place among
 * that year's requests, with at least four digits. What people quote in mails and on the phone instead of the id.
 */
public final class RequestNumber {

    private static final Pattern FORMAT = Pattern.compile("REQ-(\\d{4})-(\\d{4,})");

    private RequestNumber() {
    }

    public static String of(int year, int positionInYear) {
        if (positionInYear < 1) {
            throw new IllegalArgumentException("A request's place in its year starts at 1, not " + positionInYear);
        }
        return String.format("REQ-%d-%04d", year, positionInYear);
    }

    /** The number's place in the year, if it is a number of that year. */
    static OptionalInt positionIn(String number, int year) {
        Matcher matcher = FORMAT.matcher(number == null ? "" : number);
        if (!matcher.matches() || Integer.parseInt(matcher.group(1)) != year) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(matcher.group(2)));
    }
}
