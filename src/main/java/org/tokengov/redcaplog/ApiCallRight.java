package org.tokengov.redcaplog;

import java.util.Optional;
import org.tokengov.redcap.RedcapLogRow;

/**
 * Which API right a logged API call used, by REDCap's log description (REDCAP-FACTS.md 2): exports ({@code Export
 * data (API)}, {@code Export users (API)}, {@code Export Logging (API)}, {@code Download data dictionary (API)}, …)
 * need API Export; record creates and updates, and user or role imports and deletes need API Import/Update. The facts
 * name no log row of the mobile app, so no call is classified as one. The API's log export shows REDCap's action
 * label, whose wording is not confirmed: a label that does not read like these is left unclassified.
 */
enum ApiCallRight {
    EXPORT,
    IMPORT;

    /** "Data export": the label DESIGN.md quotes for an export in the API's log export. */
    private static final String[] EXPORT_WORDS = {"Export ", "Download ", "Data export"};
    private static final String[] IMPORT_WORDS = {"Create record", "Update record", "Import ", "Delete "};

    /** The right an API call used; empty for a row that is no API call, or whose description says neither. */
    static Optional<ApiCallRight> of(RedcapLogRow row) {
        if (!TokenEventRows.isApiCall(row)) {
            return Optional.empty();
        }
        String description = row.description() != null && row.description().contains(TokenEventRows.API_MARK)
                ? row.description() : row.details();
        String text = description == null ? "" : description.trim();
        if (startsWithAny(text, EXPORT_WORDS)) {
            return Optional.of(EXPORT);
        }
        if (startsWithAny(text, IMPORT_WORDS)) {
            return Optional.of(IMPORT);
        }
        return Optional.empty();
    }

    private static boolean startsWithAny(String text, String[] words) {
        for (String word : words) {
            if (text.regionMatches(true, 0, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }
}
