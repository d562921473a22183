package org.tokengov.redcaplog;

import org.tokengov.redcap.RedcapEnvironment;

/**
 * A registered, live token's value was written into REDCap's log (a failed request logs its whole POST body): a leak.
 * Published as a Spring application event; the token's lifecycle treats it as a compromise.
 *
 * @param where the log table and row, e.g. {@code redcap_log_event4 #1234}, or the API log's minute
 */
public record TokenValueInRedcapLog(String tokenId, RedcapEnvironment environment, long projectId, String where) {
}
