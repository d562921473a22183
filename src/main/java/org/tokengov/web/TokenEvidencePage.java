package org.tokengov.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.web.util.HtmlUtils;

/** A token's evidence as a plain page to print or save as PDF. Every value is escaped: details are people's words. */
final class TokenEvidencePage {

    private static final DateTimeFormatter SECOND =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private TokenEvidencePage() {
    }

    static String render(TokenEvidence evidence) {
        TokenRegistryController.TokenView token = evidence.token();
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <title>Evidence for token %s</title>
                <style>
                body { font-family: sans-serif; margin: 2em; color: #000; }
                table { border-collapse: collapse; width: 100%%; margin-bottom: 1.5em; }
                th, td { border: 1px solid #888; padding: .3em .5em; text-align: left; vertical-align: top; }
                th { background: #eee; }
                @media print { body { margin: 0; } tr { page-break-inside: avoid; } }
                </style></head><body>
                <h1>Evidence for token %s</h1>
                """.formatted(text(token.id()), text(token.id())));
        page.append("<h2>Token</h2><table>");
        row(page, "Holder", token.holder());
        row(page, "Environment", token.environment());
        row(page, "Project", String.valueOf(token.projectId()));
        row(page, "State", token.state().name());
        row(page, "Rights", rights(token.rightExport(), token.rightImport(), token.rightMobileApp()));
        row(page, "Issued", time(token.issuedAt()));
        row(page, "Expires", time(token.expiresAt()));
        row(page, "Last used", time(token.lastUsedAt()));
        row(page, "Revoked", time(token.revokedAt()));
        row(page, "Revocation reason", token.revocationReason());
        page.append("</table><h2>Request as submitted</h2>");
        TokenEvidence.Submission request = evidence.request();
        if (request == null) {
            page.append("<p>None: the token was found in REDCap, not issued through a request here.</p>");
        } else {
            page.append("<table>");
            row(page, "Request", request.requestId());
            row(page, "Submitted by", request.submitter());
            row(page, "Submitted", time(request.submittedAt()));
            row(page, "Projects", "production " + request.productionProjectId() + ", QA " + request.qaProjectId());
            row(page, "Rights", String.join(", ", request.rights()));
            row(page, "Intended use", request.intendedUse());
            row(page, "Description", request.usageDescription());
            row(page, "Schedule", request.callSchedule());
            row(page, "Calls per day", String.valueOf(request.expectedCallsPerDay()));
            row(page, "Fair Use Policy accepted", request.fairUseAccepted() ? "yes" : "no");
            row(page, "Status", request.status());
            row(page, "Outcome reason", request.outcomeReason());
            page.append("</table>");
        }
        page.append("<h2>Evidence</h2><table><tr><th>When</th><th>Source</th><th>What</th><th>Who</th>"
                + "<th>Outcome</th><th>About</th><th>Details</th></tr>");
        for (TokenEvidence.Item item : evidence.evidence()) {
            page.append("<tr>");
            List.of(time(item.at()), item.source().name(), item.kind(), nonNull(item.actor()), nonNull(item.outcome()),
                    nonNull(item.subject()), nonNull(item.details()))
                    .forEach(cell -> page.append("<td>").append(text(cell)).append("</td>"));
            page.append("</tr>");
        }
        return page.append("</table></body></html>\n").toString();
    }

    private static void row(StringBuilder page, String label, String value) {
        page.append("<tr><th>").append(text(label)).append("</th><td>").append(text(nonNull(value))).append("</td></tr>");
    }

    private static String rights(boolean export, boolean importing, boolean mobileApp) {
        return String.join(", ", Stream.of(export ? "export" : null, importing ? "import" : null,
                mobileApp ? "mobile app" : null).filter(Objects::nonNull).toList());
    }

    private static String time(Instant moment) {
        return moment == null ? "" : SECOND.format(moment);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private static String text(String value) {
        return HtmlUtils.htmlEscape(value);
    }
}
