package org.tokengov.redcaplog;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tokengov.redcap.TokenFingerprint;

/**
 * The live tokens whose value was seen in REDCap's log ({@code redcap_log_leak}), one row per token and value: the
 * first sighting is a leak to report, later ones (a failing script writes its token into the log at every call) are
 * only counted.
 */
@Repository
class LogLeaks {

    private final JdbcClient jdbc;

    LogLeaks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the sighting; true if this token's value had not been seen in the log before. */
    boolean firstSighting(String tokenId, TokenFingerprint value, String where, Instant at) {
        int counted = jdbc.sql("update redcap_log_leak set sightings = sightings + 1 where token_id = ? and fingerprint = ?")
                .params(tokenId, value.sha256Hex()).update();
        if (counted > 0) {
            return false;
        }
        jdbc.sql("insert into redcap_log_leak (token_id, fingerprint, first_seen_in, first_seen_at, sightings)"
                        + " values (?, ?, ?, ?, 1)")
                .params(tokenId, value.sha256Hex(), where.length() <= 200 ? where : where.substring(0, 200), Timestamp.from(at))
                .update();
        return true;
    }
}
