package org.tokengov.dashboard;

import org.tokengov.usage.UsageCounts;
import org.tokengov.usage.UsageKey;

/** One REDCap user's API calls on one project over the top users' period, counts formatted. */
record TopUserRow(String username, String environment, long projectId, String calls, String recordExports,
        String fileDownloads, String imports) {

    static TopUserRow of(UsageKey key, UsageCounts counts) {
        return new TopUserRow(key.username(), key.environment().name(), key.projectId(), Readable.count(counts.calls()),
                Readable.count(counts.recordExports()), Readable.count(counts.fileDownloads()),
                Readable.count(counts.imports()));
    }
}
