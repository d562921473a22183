package org.tokengov.leaks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The scans done ({@code leak_scan}): each scan's counts, and for a request's code review the latest one. */
@Repository
public class LeakScans {

    /** A scan of the code under review of a request: by whom, when, and how many live tokens it held. */
    public record ReviewScan(String scannedBy, Instant scannedAt, int filesScanned, int liveTokensFound) {
    }

    private final JdbcClient jdbc;

    LeakScans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String requestId, String by, Instant at, LeakScanResult result) {
        jdbc.sql("insert into leak_scan (request_id, scanned_by, scanned_at, files_scanned, live_tokens_found)"
                        + " values (?, ?, ?, ?, ?)")
                .params(requestId, by, Timestamp.from(at), result.filesScanned(), result.liveTokensFound())
                .update();
    }

    /** The latest scan made for the request's code review, if any. */
    public Optional<ReviewScan> latestFor(String requestId) {
        return jdbc.sql("select scanned_by, scanned_at, files_scanned, live_tokens_found from leak_scan"
                        + " where request_id = ? order by id desc limit 1")
                .param(requestId)
                .query((row, number) -> new ReviewScan(row.getString(1), row.getTimestamp(2).toInstant(), row.getInt(3),
                        row.getInt(4)))
                .optional();
    }
}
