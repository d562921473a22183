package org.tokengov.fairuse;

import java.time.Instant;

/**
 * A record export as the usage-event intake reported it (REDCap's log has no parameters).
 *
 * @param filtered asked for some records, a filter or a date range: not the whole project
 */
record ExportParameters(Instant at, boolean filtered, int records, int fields) {
}
