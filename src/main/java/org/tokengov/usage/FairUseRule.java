package org.tokengov.usage;

/** The fair-use rules, each with the policy's sentence it applies (section "Fair Use"; "API Token Security"). */
public enum FairUseRule {
    POLLING("Examples of inappropriate usage include launching high-frequency API requests (e.g., polling every few"
            + " seconds) that strain system resources."),
    PEAK_HOUR_BULK_EXPORT("Examples of inappropriate usage include bulk downloading entire datasets, or large data types"
            + " (such as images or video) during peak business hours."),
    REPEATED_FULL_EXPORT("Examples of inappropriate usage include executing repeated full project exports without use of"
            + " filters or timestamps for incremental data downloads."),
    DECLARED_USAGE_EXCEEDED("Project teams should follow best practices such as limiting the volume and frequency of API"
            + " calls, and scheduling large data operations during off-peak hours (evenings or weekends)."),
    TOKEN_IN_REDCAP_LOG("API tokens are user specific and should not be shared. If you believe your API token has been"
            + " compromised, contact REDCap support to regenerate your token.");

    private final String policySentence;

    FairUseRule(String policySentence) {
        this.policySentence = policySentence;
    }

    public String policySentence() {
        return policySentence;
    }
}
