package org.tokengov.controlcenter;

/** What ticked a line off. */
enum Confirmation {
    /** A row of REDCap's log that names the token's holder. */
    REDCAP_LOG,
    /** An administrator, checked against REDCap (a log row that does not name the holder, or the rights). */
    ADMINISTRATOR
}
