package org.tokengov.redcaplog;

import org.tokengov.redcap.RedcapLogRow;
import org.tokengov.usage.UsageKind;

/**
 * What a logged API call did, for the usage counts (REDCAP-FACTS.md 2): {@code Export data (API)} is a record export
 * (the API's log export labels it {@code Data export}); a file download is told by a description beginning
 * {@code Download file} (REDCap's wording for it is not in the facts: an unconfirmed guess, documented as such); the
 * rest by the right they used ({@link ApiCallRight}).
 */
final class UsageKinds {

    private UsageKinds() {
    }

    static UsageKind of(RedcapLogRow row) {
        String text = described(row);
        if (startsWith(text, "Export data") || startsWith(text, "Data export")) {
            return UsageKind.RECORD_EXPORT;
        }
        if (startsWith(text, "Download file") || startsWith(text, "Download a file")) {
            return UsageKind.FILE_DOWNLOAD;
        }
        return ApiCallRight.of(row).map(right -> right == ApiCallRight.EXPORT ? UsageKind.OTHER_EXPORT : UsageKind.IMPORT)
                .orElse(UsageKind.OTHER);
    }

    private static String described(RedcapLogRow row) {
        String description = row.description() != null && row.description().contains(TokenEventRows.API_MARK)
                ? row.description() : row.details();
        return description == null ? "" : description.trim();
    }

    private static boolean startsWith(String text, String start) {
        return text.regionMatches(true, 0, start, 0, start.length());
    }
}
