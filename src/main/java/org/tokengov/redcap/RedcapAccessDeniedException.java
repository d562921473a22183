package org.tokengov.redcap;

/** REDCap answered 403: the token is unknown, revoked, suspended, expired or lacks the right. */
public class RedcapAccessDeniedException extends RedcapException {

    public RedcapAccessDeniedException(String message) {
        super(message);
    }
}
