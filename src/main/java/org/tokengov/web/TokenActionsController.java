package org.tokengov.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tokengov.input.StrictJson;
import org.tokengov.tokenreport.ReportFiled;
import org.tokengov.tokenreport.ReportRefused;
import org.tokengov.tokenreport.Reporter;
import org.tokengov.tokenreport.TokenReport;
import org.tokengov.tokenreport.TokenReportService;
import org.tokengov.web.ApiCaller.Caller;
import org.tokengov.web.ApiErrors.BadRequest;
import org.tokengov.web.ApiErrors.Conflict;
import org.tokengov.web.ApiErrors.Forbidden;
import org.tokengov.web.ApiErrors.NotFound;

/**
 * What people report about a token, over the API; who may report what is {@link TokenReportService}'s to decide (the
 * dashboard and Tasklist's {@code token-report} ask it too). Answers 202: the processes do the work, retried if
 * REDCap is down. Bodies are strict JSON: {@code {"reason": "…"}} where a reason is asked for, nothing (or
 * {@code {}}) elsewhere; anything else is refused with 400 before anything happens.
 */
@RestController
class TokenActionsController {

    record Reason(String reason) {
    }

    /** The body of a report that takes no details. */
    record NoDetails() {
    }

    record Accepted(String tokenId, String action) {
    }

    record LeftProject(String tokenId, String action, String offboardingId) {
    }

    private final TokenReportService reports;
    private final ApiCaller callers;

    TokenActionsController(TokenReportService reports, ApiCaller callers) {
        this.reports = reports;
        this.callers = callers;
    }

    @PostMapping("/api/tokens/{tokenId}/compromised")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted compromised(@PathVariable String tokenId, @RequestBody(required = false) byte[] body) {
        noDetailsIn(body);
        return accepted(file(tokenId, TokenReport.COMPROMISED, null));
    }

    @PostMapping("/api/tokens/{tokenId}/code-change")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted codeChange(@PathVariable String tokenId, @RequestBody(required = false) byte[] body) {
        return accepted(file(tokenId, TokenReport.CODE_CHANGE, reasonIn(body)));
    }

    @PostMapping("/api/tokens/{tokenId}/no-longer-needed")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted noLongerNeeded(@PathVariable String tokenId, @RequestBody(required = false) byte[] body) {
        noDetailsIn(body);
        return accepted(file(tokenId, TokenReport.NO_LONGER_NEEDED, null));
    }

    @PostMapping("/api/tokens/{tokenId}/left-project")
    @ResponseStatus(HttpStatus.ACCEPTED)
    LeftProject leftProject(@PathVariable String tokenId, @RequestBody(required = false) byte[] body) {
        noDetailsIn(body);
        ReportFiled filed = file(tokenId, TokenReport.LEFT_PROJECT, null);
        return new LeftProject(filed.tokenId(), filed.action(), filed.offboardingId());
    }

    @PostMapping("/api/tokens/{tokenId}/suspension")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted suspend(@PathVariable String tokenId, @RequestBody(required = false) byte[] body) {
        return accepted(file(tokenId, TokenReport.SUSPENSION, reasonIn(body)));
    }

    private ReportFiled file(String tokenId, TokenReport report, Reason reason) {
        Caller caller = callers.current();
        try {
            return reports.report(new Reporter(caller.userId(), caller.admin()), tokenId, report,
                    reason == null ? null : reason.reason());
        } catch (ReportRefused refused) {
            throw switch (refused.kind()) {
                case BAD_INPUT -> new BadRequest(refused.getMessage());
                // The API's own words: the reason comes as JSON here.
                case BAD_REASON -> new BadRequest(report.reasonAsk() + ": a JSON body {\"reason\": \"…\"} of 1 to "
                        + TokenReportService.REASON_MAX + " characters on one line, without control characters.");
                case NOT_FOUND -> new NotFound(refused.getMessage());
                case NOT_ALLOWED -> new Forbidden(refused.getMessage());
                case NOT_LIVE -> new Conflict(refused.getMessage());
            };
        }
    }

    private static Accepted accepted(ReportFiled filed) {
        return new Accepted(filed.tokenId(), filed.action());
    }

    /** The reason in a body, null without a body (the report's own check then asks for one). */
    private static Reason reasonIn(byte[] body) {
        return body == null || body.length == 0 ? null : read(body, Reason.class);
    }

    private static void noDetailsIn(byte[] body) {
        if (body != null && body.length > 0) {
            read(body, NoDetails.class);
        }
    }

    private static <T> T read(byte[] body, Class<T> type) {
        try {
            return StrictJson.read(body, type);
        } catch (StrictJson.Unreadable e) {
            throw new BadRequest(e.getMessage());
        }
    }
}
