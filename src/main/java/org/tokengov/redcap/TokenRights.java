package org.tokengov.redcap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The API rights a token carries on its project: REDCap's api_export, api_import and mobile_app flags. */
public record TokenRights(boolean export, boolean importData, boolean mobileApp) {

    public static final TokenRights NONE = new TokenRights(false, false, false);

    private static final String EXPORT = "export";
    private static final String IMPORT = "import";
    private static final String MOBILE_APP = "mobile_app";

    public boolean any() {
        return export || importData || mobileApp;
    }

    /** Only the rights both allow. */
    public TokenRights within(TokenRights limit) {
        return new TokenRights(export && limit.export, importData && limit.importData, mobileApp && limit.mobileApp);
    }

    /** The rights this has and {@code other} has not. */
    public TokenRights beyond(TokenRights other) {
        return new TokenRights(export && !other.export, importData && !other.importData, mobileApp && !other.mobileApp);
    }

    /** Stable text for records: {@code export,import,mobile_app} (the rights held, in that order), or empty. */
    public String code() {
        List<String> held = new ArrayList<>();
        if (export) {
            held.add(EXPORT);
        }
        if (importData) {
            held.add(IMPORT);
        }
        if (mobileApp) {
            held.add(MOBILE_APP);
        }
        return String.join(",", held);
    }

    /** Reads {@link #code()}; anything else is an error, never fewer or more rights than written. */
    public static TokenRights fromCode(String code) {
        Set<String> held = new HashSet<>();
        for (String part : (code == null ? "" : code).split(",")) {
            if (!part.isBlank()) {
                held.add(part.strip());
            }
        }
        if (!Set.of(EXPORT, IMPORT, MOBILE_APP).containsAll(held)) {
            throw new IllegalArgumentException("Not a rights code: " + code);
        }
        return new TokenRights(held.contains(EXPORT), held.contains(IMPORT), held.contains(MOBILE_APP));
    }

    /** In words: "API export and API import", or "no API rights". */
    public String inWords() {
        List<String> words = new ArrayList<>();
        if (export) {
            words.add("API export");
        }
        if (importData) {
            words.add("API import");
        }
        if (mobileApp) {
            words.add("the REDCap mobile app");
        }
        if (words.isEmpty()) {
            return "no API rights";
        }
        return words.size() == 1 ? words.get(0)
                : String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }
}
