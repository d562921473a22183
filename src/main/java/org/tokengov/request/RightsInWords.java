package org.tokengov.request;

import java.util.ArrayList;
import java.util.List;

/** What each API right lets the token do, in the words a reviewer or approver needs to weigh it. */
final class RightsInWords {

    static final String EXPORT = "Export data: read the project's records, reports, metadata and files through the API,"
            + " as far as the holder's own data export rights and data access group allow.";
    static final String IMPORT = "Import data: create and change records through the API (and delete them where the"
            + " holder's user rights allow), without the data entry forms' checks.";
    static final String MOBILE_APP = "REDCap mobile app: download the project to a phone or tablet, collect data"
            + " offline and upload it back.";

    private RightsInWords() {
    }

    static String of(boolean export, boolean importData, boolean mobileApp) {
        List<String> lines = new ArrayList<>();
        if (export) {
            lines.add(EXPORT);
        }
        if (importData) {
            lines.add(IMPORT);
        }
        if (mobileApp) {
            lines.add(MOBILE_APP);
        }
        return lines.isEmpty() ? "No API right was requested." : String.join("\n", lines);
    }
}
