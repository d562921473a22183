package org.tokengov.requeststate;

/**
 * Which page of requests is asked for ({@code ?page=}, from 0) and how many on it ({@code ?size=}, default
 * {@value #DEFAULT_SIZE}, at most {@value #MAX_SIZE}); {@link Invalid} with a sentence for anything else.
 */
public record PageAsked(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    /** Far beyond any history; keeps page × size well inside a long. */
    static final int MAX_PAGE = 1_000_000;

    public static PageAsked parse(String page, String size) {
        return new PageAsked(number("page", page, 0, 0, MAX_PAGE), number("size", size, DEFAULT_SIZE, 1, MAX_SIZE));
    }

    private static int number(String name, String text, int absent, int min, int max) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below, with the allowed range
        }
        throw new Invalid(name + " must be a whole number from " + min + " to " + max + ", not \""
                + (text.length() > 20 ? text.substring(0, 20) + "..." : text) + "\".");
    }

    public static class Invalid extends IllegalArgumentException {
        Invalid(String message) {
            super(message);
        }
    }
}
