package org.tokengov.succession;

/** Why a successor naming was refused, with a message the PI can act on; nothing was stored. */
public class NamingRefused extends RuntimeException {

    /** What kind of refusal it is, so the web edge can answer with the matching status. */
    public enum Kind {
        UNKNOWN_TOKEN, NOT_ALLOWED, INVALID, CONFLICT
    }

    private final Kind kind;

    NamingRefused(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
