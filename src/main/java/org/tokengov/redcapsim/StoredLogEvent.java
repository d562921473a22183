package org.tokengov.redcapsim;

/** A row of {@code redcap_log_event}, whoever wrote it: this simulator or the app's token administration. */
record StoredLogEvent(long ts, String username, String event, String objectType, String pk, String description) {
}
