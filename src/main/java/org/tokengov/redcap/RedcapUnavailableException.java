package org.tokengov.redcap;

/** REDCap did not answer in time, answered 5xx, or the connection failed: worth retrying later. */
public class RedcapUnavailableException extends RedcapException {

    public RedcapUnavailableException(String message) {
        super(message);
    }

    public RedcapUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
