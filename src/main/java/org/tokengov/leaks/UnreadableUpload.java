package org.tokengov.leaks;

/** The upload cannot be scanned as a whole (a broken archive, too large unpacked, too many files): nothing was done. */
public class UnreadableUpload extends RuntimeException {

    UnreadableUpload(String message) {
        super(message);
    }

    UnreadableUpload(String message, Throwable cause) {
        super(message, cause);
    }
}
