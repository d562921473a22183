package org.tokengov.accessreview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tokengov.redcap.TokenRights;

/**
 * The PI's "minimum necessary access" answer, read strictly: one entry per holder, {@code username: rights to keep}
 * (e.g. {@code alice: export}), one per line or separated by semicolons. Only listed holders whose token is kept, only
 * rights they have enabled in REDCap, and at least one right fewer: a review reduces rights, never adds one (taking
 * every right is a revocation).
 */
final class RightsReductions {

    static final int TEXT_MAX = 4000;
    private static final String PREFIX = "Rights to reduce: ";

    private RightsReductions() {
    }

    /**
     * @param text    the form's text
     * @param revoked the holders whose tokens the same answer revokes
     * @param listed  the holders the task listed, with their enabled rights
     * @return the rights each named holder keeps, in the listing's order and spelling
     */
    static Map<String, TokenRights> read(Object text, List<String> revoked, HolderRights listed) {
        String written = text == null ? "" : text.toString();
        List<String> problems = new ArrayList<>();
        if (written.length() > TEXT_MAX) {
            throw new AccessReviewAnswer.Invalid(List.of(PREFIX + "at most " + TEXT_MAX + " characters."));
        }
        Map<String, TokenRights> keep = new LinkedHashMap<>();
        for (String entry : written.split("[\\n;]+")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon < 0) {
                problems.add(PREFIX + "write one holder per line with the rights they keep, e.g. \"alice: export\" (not \""
                        + entry.trim() + "\").");
                continue;
            }
            String named = entry.substring(0, colon).trim();
            Optional<String> holder = listed.enabled().keySet().stream().filter(named::equalsIgnoreCase).findFirst();
            if (holder.isEmpty()) {
                problems.add(PREFIX + named + " is not listed with API rights on this project.");
            } else if (revoked.stream().anyMatch(holder.get()::equalsIgnoreCase)) {
                problems.add(PREFIX + holder.get() + "'s token is revoked: there are no rights left to reduce.");
            } else if (keep.containsKey(holder.get())) {
                problems.add(PREFIX + holder.get() + " is named twice.");
            } else {
                rightsKept(holder.get(), entry.substring(colon + 1), listed.enabled().get(holder.get()), problems)
                        .ifPresent(rights -> keep.put(holder.get(), rights));
            }
        }
        if (!problems.isEmpty()) {
            throw new AccessReviewAnswer.Invalid(problems);
        }
        Map<String, TokenRights> ordered = new LinkedHashMap<>();
        listed.enabled().keySet().stream().filter(keep::containsKey).forEach(holder -> ordered.put(holder, keep.get(holder)));
        return ordered;
    }

    /** The entry as the listener stores it: {@code alice: export} lines, in the listing's order. */
    static String write(Map<String, TokenRights> keep) {
        List<String> lines = new ArrayList<>();
        keep.forEach((holder, rights) -> lines.add(holder + ": " + String.join(", ", HolderRights.words(rights))));
        return String.join("\n", lines);
    }

    private static Optional<TokenRights> rightsKept(String holder, String text, TokenRights enabled, List<String> problems) {
        Set<String> words = new LinkedHashSet<>();
        for (String written : text.split("[,+]")) {
            if (written.isBlank()) {
                continue;
            }
            Optional<String> word = HolderRights.word(written);
            if (word.isEmpty()) {
                problems.add(PREFIX + "\"" + written.trim() + "\" for " + holder + " is no API right (export, import,"
                        + " mobile_app).");
                return Optional.empty();
            }
            words.add(word.get());
        }
        TokenRights kept = new TokenRights(words.contains(HolderRights.EXPORT), words.contains(HolderRights.IMPORT),
                words.contains(HolderRights.MOBILE_APP));
        List<String> notEnabled = HolderRights.words(kept).stream()
                .filter(word -> !HolderRights.words(enabled).contains(word)).toList();
        if (!kept.any()) {
            problems.add(PREFIX + "name the rights " + holder + " keeps; to take every right, revoke their token.");
        } else if (!notEnabled.isEmpty()) {
            problems.add(PREFIX + holder + " does not have " + String.join(", ", notEnabled) + " enabled in REDCap:"
                    + " a review reduces rights, never adds one.");
        } else if (kept.equals(enabled)) {
            problems.add(PREFIX + holder + " keeps every right they have (" + String.join(", ", words)
                    + "): nothing to reduce.");
        } else {
            return Optional.of(kept);
        }
        return Optional.empty();
    }
}
