package org.tokengov.usage;

import java.time.Instant;

/**
 * A record export as its sender reported it ({@link ReportedCalls}).
 *
 * @param filtered asked for named records, a filter logic or a date range (an incremental export), so not the whole
 *        project; a list of fields alone still exports every record
 * @param records how many records it named (0: all)
 * @param fields how many fields it named (0: all)
 */
public record ReportedExport(Instant at, boolean filtered, int records, int fields) {

    static ReportedExport of(Instant at, int records, int fields, boolean filterLogic, boolean dateRange) {
        return new ReportedExport(at, records > 0 || filterLogic || dateRange, records, fields);
    }
}
