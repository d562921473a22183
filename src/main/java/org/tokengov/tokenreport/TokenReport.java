package org.tokengov.tokenreport;

import java.util.Arrays;
import java.util.Optional;

/**
 * The reports a person can make about a live token. Each has the path segment the API and the dashboard use, and
 * whether it needs a reason (with the words that ask for one).
 */
public enum TokenReport {

    COMPROMISED("compromised", null),
    NO_LONGER_NEEDED("no-longer-needed", null),
    CODE_CHANGE("code-change", "Describe the change"),
    LEFT_PROJECT("left-project", null),
    SUSPENSION("suspension", "Give the reason for the suspension");

    private final String slug;
    private final String reasonAsk;

    TokenReport(String slug, String reasonAsk) {
        this.slug = slug;
        this.reasonAsk = reasonAsk;
    }

    public String slug() {
        return slug;
    }

    public boolean needsReason() {
        return reasonAsk != null;
    }

    /** How a refusal of a missing or bad reason begins; null for a report without one. */
    public String reasonAsk() {
        return reasonAsk;
    }

    public static Optional<TokenReport> ofSlug(String slug) {
        return Arrays.stream(values()).filter(report -> report.slug.equals(slug)).findFirst();
    }
}
