package org.tokengov.web;

import java.util.List;

/**
 * RFC 4180 CSV that people open in spreadsheets: CRLF line ends, fields quoted when they hold a comma, quote or line
 * break, quotes doubled. Fields hold text people typed, so one a spreadsheet would run as a formula gets a leading
 * single quote (OWASP's CSV injection advice). Shared by every CSV export of the app.
 */
public final class SpreadsheetSafeCsv {

    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final String CRLF = "\r\n";

    private SpreadsheetSafeCsv() {
    }

    /** The header line, then one line per row; null fields stay empty. */
    public static String of(String header, List<List<String>> rows) {
        StringBuilder csv = new StringBuilder(headerLine(header));
        rows.forEach(row -> csv.append(line(row)));
        return csv.toString();
    }

    /** The header, ended as a line: for exports written a line at a time. */
    public static String headerLine(String header) {
        return header + CRLF;
    }

    /** One row as a line, ended; null fields stay empty. */
    public static String line(List<String> row) {
        return String.join(",", row.stream().map(SpreadsheetSafeCsv::field).toList()) + CRLF;
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
