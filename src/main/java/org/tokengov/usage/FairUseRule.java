package org.tokengov.usage;

/**
 * The fair-use rules, each with its name in words (for people: mails, forms, the dashboard) and the policy's sentence
 * it applies (section "Fair Use"; "API Token Security").
 */
public enum FairUseRule {
    POLLING("Polling (calls every few seconds)", "Examples of inappropriate usage include launching high-frequency API requests (e.g., polling every few"
            + " seconds) that strain system resources."),
    PEAK_HOUR_BULK_EXPORT("Bulk downloads in peak hours", "Examples of inappropriate usage include bulk downloading entire datasets, or large data types"
            + " (such as images or video) during peak business hours."),
    REPEATED_FULL_EXPORT("Repeated full exports", "Examples of inappropriate usage include executing repeated full project exports without use of"
            + " filters or timestamps for incremental data downloads."),
    DECLARED_USAGE_EXCEEDED("Far more calls than declared", "Project teams should follow best practices such as limiting the volume and frequency of API"
            + " calls, and scheduling large data operations during off-peak hours (evenings or weekends)."),
    TOKEN_IN_REDCAP_LOG("Token written into REDCap's log", "API tokens are user specific and should not be shared. If you believe your API token has been"
            + " compromised, contact REDCap support to regenerate your token.");

    private final String inWords;
    private final String policySentence;

    FairUseRule(String inWords, String policySentence) {
        this.inWords = inWords;
        this.policySentence = policySentence;
    }

    public String inWords() {
        return inWords;
    }

    public String policySentence() {
        return policySentence;
    }
}
