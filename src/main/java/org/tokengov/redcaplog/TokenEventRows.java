package org.tokengov.redcaplog;

import java.util.List;
import java.util.Optional;
import org.tokengov.redcap.RedcapLogRow;

/**
 * What a row of REDCap's log means for tokens, by REDCap's own descriptions (REDCAP-FACTS.md 3): the Control Center
 * ({@code … for user}: an administrator acts on someone's token), the project's API page (the holder acts on their
 * own), super tokens. In a log table the token's user is the row's {@code pk}; the API's export shows only who acted,
 * which names the holder for the API page's rows and nobody for the Control Center's.
 */
final class TokenEventRows {

    /** An API call: page {@code api/index.php} and a description with {@code (API)} (REDCAP-FACTS.md 2). */
    static final String API_PAGE = "api/index.php";
    static final String API_MARK = "(API)";

    private enum Where { CONTROL_CENTER, OWN_API_PAGE, SUPER_TOKEN }

    private record Phrase(String start, TokenEventKind kind, Where where) {
    }

    /** "… for self" before "… for user" does not matter: each phrase is matched from the start. */
    private static final List<Phrase> PHRASES = List.of(
            new Phrase("Create API token for user", TokenEventKind.CREATED, Where.CONTROL_CENTER),
            new Phrase("Regenerate API token for user", TokenEventKind.REGENERATED, Where.CONTROL_CENTER),
            new Phrase("Delete API token for user", TokenEventKind.DELETED, Where.CONTROL_CENTER),
            new Phrase("Create API token for self", TokenEventKind.CREATED, Where.OWN_API_PAGE),
            new Phrase("Request API token", TokenEventKind.REQUESTED, Where.OWN_API_PAGE),
            new Phrase("User regenerate own API token", TokenEventKind.REGENERATED, Where.OWN_API_PAGE),
            new Phrase("User delete own API token", TokenEventKind.DELETED, Where.OWN_API_PAGE),
            new Phrase("Create Super API Token", TokenEventKind.SUPER_CREATED, Where.SUPER_TOKEN),
            new Phrase("Delete Super API Token", TokenEventKind.SUPER_DELETED, Where.SUPER_TOKEN),
            new Phrase("Reassign Super API Token", TokenEventKind.SUPER_REGENERATED, Where.SUPER_TOKEN));

    /** A token event read from a row: whose token ({@code null} when the row does not say) and what happened. */
    record Recognized(TokenEventKind kind, String username) {
    }

    private TokenEventRows() {
    }

    static Optional<Recognized> recognize(RedcapLogRow row) {
        if (isApiCall(row)) {
            return Optional.empty();
        }
        // A table row holds the description itself; the API's export shows a Manage/Design row's description as details.
        for (Phrase phrase : PHRASES) {
            if (startsWith(row.description(), phrase.start()) || row.table() == null && startsWith(row.details(), phrase.start())) {
                return Optional.of(new Recognized(phrase.kind(), holder(row, phrase.where())));
            }
        }
        return Optional.empty();
    }

    static boolean isApiCall(RedcapLogRow row) {
        if (row.table() != null) {
            return API_PAGE.equals(row.page()) && contains(row.description(), API_MARK);
        }
        return contains(row.description(), API_MARK) || contains(row.details(), API_MARK);
    }

    private static String holder(RedcapLogRow row, Where where) {
        if (row.table() != null && row.pk() != null && !row.pk().isBlank()) {
            return row.pk().trim();
        }
        return where == Where.OWN_API_PAGE ? row.user() : null;
    }

    private static boolean startsWith(String text, String start) {
        return text != null && text.trim().startsWith(start);
    }

    private static boolean contains(String text, String part) {
        return text != null && text.contains(part);
    }
}
