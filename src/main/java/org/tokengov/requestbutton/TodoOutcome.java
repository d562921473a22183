package org.tokengov.requestbutton;

/** Why a request button's to-do row is closed. */
enum TodoOutcome {
    /** The token request it led to was decided. */
    DECIDED,
    /** The requester did not complete the survey in time. */
    UNANSWERED,
    /** The requester may not request API tokens through this system. */
    NOT_ENTITLED
}
