package org.tokengov.usage;

/** Calls counted in a span of time, by what they did ({@link UsageKind}). */
public record UsageCounts(long calls, long recordExports, long otherExports, long imports, long fileDownloads) {

    public static final UsageCounts NONE = new UsageCounts(0, 0, 0, 0, 0);

    static UsageCounts of(UsageKind kind) {
        return new UsageCounts(1, kind == UsageKind.RECORD_EXPORT ? 1 : 0, kind == UsageKind.OTHER_EXPORT ? 1 : 0,
                kind == UsageKind.IMPORT ? 1 : 0, kind == UsageKind.FILE_DOWNLOAD ? 1 : 0);
    }

    public UsageCounts plus(UsageCounts other) {
        return new UsageCounts(calls + other.calls, recordExports + other.recordExports, otherExports + other.otherExports,
                imports + other.imports, fileDownloads + other.fileDownloads);
    }

    /** Exports of records and downloads of files: what the policy calls bulk downloads. */
    public long bulkDownloads() {
        return recordExports + fileDownloads;
    }
}
