package org.tokengov.dashboard;

import java.util.Arrays;
import org.tokengov.registry.IssuedToken;
import org.tokengov.web.SpreadsheetSafeCsv;

/**
 * The dashboard's token list as spreadsheet-safe RFC 4180 CSV, the app's one CSV writer, a line at a time (the export
 * is written as the tokens are read); never a value or fingerprint.
 */
final class TokenCsv {

    static final String HEADER = "id,holder,environment,projectId,state,rightExport,rightImport,rightMobileApp,"
            + "issuedAt,expiresAt,lastUsedAt,revokedAt,revocationReason,requestId";

    private TokenCsv() {
    }

    static String headerLine() {
        return SpreadsheetSafeCsv.headerLine(HEADER);
    }

    static String line(IssuedToken t) {
        // Arrays.asList, not List.of: the dates of a token still in use and the request of a hand-made token are null.
        return SpreadsheetSafeCsv.line(Arrays.asList(t.id(), t.holder(), t.environment().name(), String.valueOf(t.projectId()),
                t.state().name(), String.valueOf(t.rightExport()), String.valueOf(t.rightImport()),
                String.valueOf(t.rightMobileApp()), text(t.issuedAt()), text(t.expiresAt()), text(t.lastUsedAt()),
                text(t.revokedAt()), t.revocationReason(), t.requestId()));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
