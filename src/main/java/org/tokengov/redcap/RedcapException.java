package org.tokengov.redcap;

/** Something went wrong talking to REDCap. Subclasses say whether trying again can help. */
public class RedcapException extends RuntimeException {

    public RedcapException(String message) {
        super(message);
    }

    public RedcapException(String message, Throwable cause) {
        super(message, cause);
    }
}
