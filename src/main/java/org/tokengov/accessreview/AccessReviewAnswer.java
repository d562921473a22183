package org.tokengov.accessreview;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A PI's answer to one project's review, read strictly: every name to revoke must be one of the listed holders (a
 * typo must not silently keep someone), and the PI confirms they looked at everyone. Everyone listed and not named
 * is kept.
 *
 * @param revoke the listed holders whose tokens are revoked, spelled and ordered as listed
 * @param keep   the other listed holders
 */
record AccessReviewAnswer(List<String> revoke, List<String> keep) {

    static final int USERNAMES_MAX = 4000;

    /** Thrown with every problem of an answer at once, in words for the PI. */
    static class Invalid extends RuntimeException {
        Invalid(List<String> problems) {
            super(String.join(" ", problems));
        }
    }

    /**
     * @param usernamesToRevoke the form's text: usernames separated by commas (spaces and semicolons work too)
     * @param reviewed          the form's confirmation; anything but {@code true} is a problem
     * @param listed            the holders the task listed
     */
    static AccessReviewAnswer read(Object usernamesToRevoke, Object reviewed, List<String> listed) {
        List<String> problems = new ArrayList<>();
        if (!Boolean.TRUE.equals(reviewed)) {
            problems.add("Confirm that you have reviewed everyone listed.");
        }
        String text = usernamesToRevoke == null ? "" : usernamesToRevoke.toString();
        if (text.length() > USERNAMES_MAX) {
            problems.add("The usernames to revoke must be at most " + USERNAMES_MAX + " characters.");
        }
        Set<String> named = new LinkedHashSet<>(Arrays.stream(text.trim().split("[,;\\s]+"))
                .filter(name -> !name.isEmpty()).toList());
        List<String> unknown = named.stream().filter(name -> listedSpelling(name, listed) == null).toList();
        if (!unknown.isEmpty()) {
            problems.add("Not listed as holding a live token on this project: " + String.join(", ", unknown)
                    + ". Name only people from the list, separated by commas.");
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        Set<String> revoke = new LinkedHashSet<>();
        named.forEach(name -> revoke.add(listedSpelling(name, listed)));
        return new AccessReviewAnswer(listed.stream().filter(revoke::contains).toList(),
                listed.stream().filter(holder -> !revoke.contains(holder)).toList());
    }

    /** REDCap usernames are case-insensitive. */
    private static String listedSpelling(String name, List<String> listed) {
        return listed.stream().filter(name::equalsIgnoreCase).findFirst().orElse(null);
    }
}
