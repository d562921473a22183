package org.tokengov.dashboard;

import java.util.Arrays;
import java.util.List;
import org.tokengov.registry.IssuedToken;
import org.tokengov.web.SpreadsheetSafeCsv;

/** The dashboard's token list as spreadsheet-safe RFC 4180 CSV, the app's one CSV writer; never a value or fingerprint. */
final class TokenCsv {

    static final String HEADER = "id,holder,environment,projectId,state,rightExport,rightImport,rightMobileApp,"
            + "issuedAt,expiresAt,lastUsedAt,revokedAt,revocationReason,requestId";

    private TokenCsv() {
    }

    static String of(List<IssuedToken> tokens) {
        return SpreadsheetSafeCsv.of(HEADER, tokens.stream().map(TokenCsv::row).toList());
    }

    private static List<String> row(IssuedToken t) {
        // Arrays.asList, not List.of: the dates of a token still in use and the request of a hand-made token are null.
        return Arrays.asList(t.id(), t.holder(), t.environment().name(), String.valueOf(t.projectId()), t.state().name(),
                String.valueOf(t.rightExport()), String.valueOf(t.rightImport()), String.valueOf(t.rightMobileApp()),
                text(t.issuedAt()), text(t.expiresAt()), text(t.lastUsedAt()), text(t.revokedAt()), t.revocationReason(),
                t.requestId());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
