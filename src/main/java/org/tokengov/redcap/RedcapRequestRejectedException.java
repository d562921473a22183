package org.tokengov.redcap;

/** REDCap answered 400 (or another 4xx than 403): the request itself was wrong. */
public class RedcapRequestRejectedException extends RedcapException {

    public RedcapRequestRejectedException(String message) {
        super(message);
    }
}
