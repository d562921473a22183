package org.tokengov.tokenreport;

/** A report refused before anything happened, with the sentence the reporter reads and what kind of refusal it is. */
public class ReportRefused extends RuntimeException {

    public enum Kind {
        /** A token id with control characters, or a report the entry point does not take. */
        BAD_INPUT,
        /** A reason that is missing, too long or not one line. */
        BAD_REASON,
        NOT_FOUND,
        NOT_ALLOWED,
        /** The token is no longer live, or already in the state asked for. */
        NOT_LIVE
    }

    private final Kind kind;

    ReportRefused(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
