package org.tokengov.web;

import java.util.List;
import java.util.stream.Stream;
import org.tokengov.audit.AuditEntry;

/**
 * The audit trail as RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a comma, quote or line
 * break. Auditors open it in spreadsheets and {@code details} holds text people typed, so a field that a spreadsheet
 * would run as a formula gets a leading single quote (OWASP's CSV injection advice); the JSON export stays verbatim.
 */
final class AuditCsv {

    static final String HEADER = "id,occurredAt,actor,action,requestId,tokenId,details";

    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final String CRLF = "\r\n";

    private AuditCsv() {
    }

    static String of(List<AuditEntry> entries) {
        StringBuilder csv = new StringBuilder(HEADER).append(CRLF);
        for (AuditEntry entry : entries) {
            csv.append(row(entry)).append(CRLF);
        }
        return csv.toString();
    }

    private static String row(AuditEntry entry) {
        return String.join(",", Stream.of(String.valueOf(entry.id()), entry.occurredAt().toString(), entry.actor(),
                entry.action().name(), entry.requestId(), entry.tokenId(), entry.details()).map(AuditCsv::field).toList());
    }

    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quoted = safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return quoted ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
