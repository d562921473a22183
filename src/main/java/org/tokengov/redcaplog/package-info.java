/**
 * The one reader of REDCap's own log: incremental per project and environment (a cursor each), in REDCap's time zone,
 * scrubbing every 32- and 64-hex string before anything is kept. What it keeps: token events (created, regenerated,
 * deleted, in the Control Center or on the project's API page) and each user's last API call. A live token's value
 * found in the log is announced as {@link org.tokengov.redcaplog.TokenValueInRedcapLog}. Imports no process package:
 * reconciliation, revocation and the inactivity sweep read what it keeps. Owns the tables {@code redcap_log_cursor},
 * {@code redcap_log_seen_row}, {@code redcap_token_event}, {@code redcap_api_use} and {@code redcap_log_leak}.
 */
package org.tokengov.redcaplog;
