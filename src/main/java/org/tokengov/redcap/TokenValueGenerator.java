package org.tokengov.redcap;

/**
 * Makes new project token values: 32 uppercase hex characters, as REDCap's own tokens. A test can plant a
 * recognizable value by supplying its own implementation; the value never leaves this package.
 */
public interface TokenValueGenerator {

    /** A fresh, unpredictable token value: 32 uppercase hex characters. */
    String newTokenValue();
}
