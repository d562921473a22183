package org.tokengov.usage;

/** What an API call did, as far as REDCap's log tells it. */
public enum UsageKind {
    /** {@code Export data (API)}: records exported; REDCap logs neither which records nor which fields. */
    RECORD_EXPORT,
    /** A file downloaded from a file-upload field. */
    FILE_DOWNLOAD,
    /** Any other export: users, metadata, the log, project information. */
    OTHER_EXPORT,
    /** Records, users or roles created, updated or deleted. */
    IMPORT,
    /** A call the log's description does not classify. */
    OTHER
}
