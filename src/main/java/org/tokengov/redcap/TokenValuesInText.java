package org.tokengov.redcap;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds token values in text that came from REDCap (its log writes old values into regenerate and delete descriptions,
 * and the whole POST body, token included, into failed requests' {@code data_values}) and blanks them out. Every
 * hex run of 32 characters or more is replaced by {@value #PLACEHOLDER}; runs of exactly 32 (a project token) or 64
 * (a super token), in any case, are also returned as fingerprints, so the caller can tell whose token it was without
 * ever holding the value. REDCap compares tokens case-insensitively, so a lower-case copy is the same token: the
 * fingerprint is taken of the upper-case form, as REDCap stores it, and of the form as written if that differs.
 */
public final class TokenValuesInText {

    public static final String PLACEHOLDER = "[token]";

    private static final Pattern HEX_RUN = Pattern.compile("[0-9A-Fa-f]{32,}");

    /** The text without token values, and the fingerprints of the values it held. */
    public record Scrubbed(String text, Set<TokenFingerprint> tokenValues) {

        public Scrubbed {
            tokenValues = Collections.unmodifiableSet(new LinkedHashSet<>(tokenValues));
        }

        @Override
        public String toString() {
            return "Scrubbed[" + text + ", " + tokenValues.size() + " token value(s)]";
        }
    }

    private TokenValuesInText() {
    }

    /** The fingerprints of the token values in the text (upper-case form and as written), without copying the text. */
    public static Set<TokenFingerprint> fingerprintsIn(CharSequence text) {
        Set<TokenFingerprint> found = new LinkedHashSet<>();
        Matcher runs = HEX_RUN.matcher(text);
        while (runs.find()) {
            addIfToken(runs.group(), found);
        }
        return found;
    }

    public static Scrubbed scrub(String text) {
        if (text == null || text.isEmpty()) {
            return new Scrubbed(text, Set.of());
        }
        Set<TokenFingerprint> found = new LinkedHashSet<>();
        Matcher runs = HEX_RUN.matcher(text);
        StringBuilder scrubbed = new StringBuilder(text.length());
        while (runs.find()) {
            addIfToken(runs.group(), found);
            runs.appendReplacement(scrubbed, Matcher.quoteReplacement(PLACEHOLDER));
        }
        runs.appendTail(scrubbed);
        return new Scrubbed(scrubbed.toString(), found);
    }

    private static void addIfToken(String run, Set<TokenFingerprint> found) {
        if (run.length() == 32 || run.length() == 64) {
            found.add(TokenFingerprint.of(run.toUpperCase(Locale.ROOT)));
            found.add(TokenFingerprint.of(run));
        }
    }
}
