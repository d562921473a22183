package org.tokengov.redcap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

/**
 * A row of REDCap's log as the port hands it out: scrubbed of token values ({@link TokenValuesInText}), with the
 * fingerprints of the values it held. Read from a log table (database mode) or from {@code content=log} (the API's
 * export, which has fewer columns: those it lacks are {@code null}).
 *
 * @param id {@code log_event_id} (database mode); {@code 0} from the API, which has no row id
 * @param table the log table the row is in (database mode), or {@code null}
 * @param at REDCap's own wall-clock time, never converted: to the second from a table, to the minute from the API
 * @param user the REDCap user who acted ({@code user}; the API's {@code username})
 * @param page the page that wrote the row, {@code api/index.php} for API calls (database mode only)
 * @param event {@code MANAGE}, {@code ERROR}, {@code DATA_EXPORT}, … (database mode only)
 * @param objectType e.g. {@code redcap_user_rights} (database mode only)
 * @param pk the row's subject: for token rows the token's user (database mode only)
 * @param description REDCap's {@code description} (database mode); the API's {@code action}
 * @param details {@code data_values} (database mode); the API's {@code details} (a Manage/Design row's description)
 * @param tokenValues the fingerprints of the token values the row held before it was scrubbed
 */
public record RedcapLogRow(long id, String table, long projectId, LocalDateTime at, String user, String page,
        String event, String objectType, String pk, String description, String details,
        Set<TokenFingerprint> tokenValues) {

    public RedcapLogRow {
        tokenValues = tokenValues == null ? Set.of() : Set.copyOf(tokenValues);
    }

    /**
     * The same row read again gives the same digest, and so does an identical row (same minute, user and text): the
     * API's log cannot tell two such rows apart, so whoever de-duplicates by digest counts them.
     */
    public String digest() {
        StringBuilder text = new StringBuilder();
        for (Object part : new Object[] {projectId, at, user, page, event, objectType, pk, description, details}) {
            String value = part == null ? "" : part.toString();
            text.append(value.length()).append(':').append(value).append('|');
        }
        new TreeSet<>(tokenValues.stream().map(TokenFingerprint::sha256Hex).toList()).forEach(text::append);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Where the row is, for audit and logs: {@code redcap_log_event4 #1234}, or the API log's minute. */
    public String where() {
        return table != null ? table + " #" + id : "API log of project " + projectId + " at " + at + " (REDCap time)";
    }
}
