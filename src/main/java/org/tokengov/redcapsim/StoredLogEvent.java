package org.tokengov.redcapsim;

/**
 * A row of a log table, whoever wrote it: this simulator or the app's token administration.
 *
 * @param changeReason REDCap's {@code change_reason}, shown when the project requires reasons
 */
record StoredLogEvent(long ts, String username, String event, String objectType, String pk, String dataValues,
        String description, String changeReason) {
}
