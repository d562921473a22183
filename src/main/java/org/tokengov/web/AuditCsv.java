package org.tokengov.web;

import java.util.Arrays;
import java.util.List;
import org.tokengov.audit.AuditEntry;

/**
 * The audit trail as spreadsheet-safe RFC 4180 CSV ({@link SpreadsheetSafeCsv}): a header row, then one row per
 * entry. {@code details} holds text people typed, hence the formula neutralisation; the JSON export stays verbatim.
 */
final class AuditCsv {

    static final String HEADER = "id,occurredAt,actor,action,requestId,tokenId,details";

    private AuditCsv() {
    }

    static String of(List<AuditEntry> entries) {
        return SpreadsheetSafeCsv.of(HEADER, entries.stream().map(AuditCsv::row).toList());
    }

    private static List<String> row(AuditEntry entry) {
        // Arrays.asList, not List.of: requestId, tokenId and details may be null.
        return Arrays.asList(String.valueOf(entry.id()), entry.occurredAt().toString(), entry.actor(),
                entry.action().name(), entry.requestId(), entry.tokenId(), entry.details());
    }
}
