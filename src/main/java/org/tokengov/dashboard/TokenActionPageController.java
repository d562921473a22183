package org.tokengov.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tokengov.redcap.RedcapException;
import org.tokengov.registry.IssuedToken;
import org.tokengov.tokenreport.ReportRefused;
import org.tokengov.tokenreport.Reporter;
import org.tokengov.tokenreport.TokenReport;
import org.tokengov.tokenreport.TokenReportService;

/**
 * The dashboard's reports about a token: {@code GET /dashboard/tokens/{tokenId}/{action}} (action {@code compromised},
 * {@code no-longer-needed}, {@code code-change}, {@code left-project} or {@code suspension}) says what will happen and
 * asks for confirmation (and a reason where one is needed); {@code POST} to the same address files the report through
 * {@link TokenReportService}, the gates of the API and Tasklist, and shows the result. A post without the page's form token
 * is refused with 403 before anything else; a report the viewer may not make gives 403, a token that is not live 409
 * (404 if there is none), a missing or bad reason 400, a REDCap that does not answer whether the viewer is the
 * project's PI 503: each on a page that says why, with nothing done.
 */
@Controller
class TokenActionPageController {

    private static final String PATH = "/dashboard/tokens/{tokenId}/{action}";
    /** Whether the viewer is the project's PI is REDCap's to say, asked afresh for a left project. */
    private static final String REDCAP_SILENT = "REDCap does not answer just now, so nothing was done; try again in a few minutes.";

    private final Viewers viewers;
    private final TokenReportService reports;
    private final FormTokens formTokens;
    private final String loginPage;
    private final String tasklist;

    TokenActionPageController(Viewers viewers, TokenReportService reports, FormTokens formTokens, WebappLinks links) {
        this.viewers = viewers;
        this.reports = reports;
        this.formTokens = formTokens;
        this.loginPage = links.loginPage();
        this.tasklist = links.tasklist();
    }

    @GetMapping(PATH)
    String confirm(@PathVariable String tokenId, @PathVariable String action, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Optional<Viewer> viewer = viewers.current(request);
        if (viewer.isEmpty()) {
            return "redirect:" + loginPage;
        }
        page(response, model, viewer.get());
        Optional<TokenReport> report = TokenReport.ofSlug(action);
        if (report.isEmpty()) {
            return refused(response, model, HttpStatus.NOT_FOUND, "There is no report \"" + action + "\" about a token.");
        }
        try {
            IssuedToken token = reports.liveToken(tokenId);
            reports.requireAllowed(reporter(viewer.get()), token, report.get());
            return confirmation(request, model, token, report.get(), "", null);
        } catch (ReportRefused refused) {
            return refused(response, model, status(refused), refused.getMessage());
        } catch (RedcapException unanswered) {
            return refused(response, model, HttpStatus.SERVICE_UNAVAILABLE, REDCAP_SILENT);
        }
    }

    @PostMapping(PATH)
    String file(@PathVariable String tokenId, @PathVariable String action,
            @RequestParam(required = false) String reason, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Optional<Viewer> viewer = viewers.current(request);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        if (viewer.isEmpty()) {
            model.addAttribute("tasklist", tasklist);
            return refused(response, model, HttpStatus.FORBIDDEN, "Log in to Tasklist first, then report from the dashboard.");
        }
        page(response, model, viewer.get());
        if (!formTokens.carriedBy(request)) {
            return refused(response, model, HttpStatus.FORBIDDEN, "This form has expired or did not come from the "
                    + "dashboard, so nothing was done. Open the dashboard again and report from there.");
        }
        Optional<TokenReport> report = TokenReport.ofSlug(action);
        if (report.isEmpty()) {
            return refused(response, model, HttpStatus.NOT_FOUND, "There is no report \"" + action + "\" about a token.");
        }
        try {
            reports.report(reporter(viewer.get()), tokenId, report.get(), reason);
        } catch (ReportRefused refused) {
            if (refused.kind() == ReportRefused.Kind.BAD_REASON) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                return confirmation(request, model, reports.liveToken(tokenId), report.get(),
                        reason == null ? "" : reason, refused.getMessage());
            }
            return refused(response, model, status(refused), refused.getMessage());
        } catch (RedcapException unanswered) {
            return refused(response, model, HttpStatus.SERVICE_UNAVAILABLE, REDCAP_SILENT);
        }
        model.addAttribute("done", TokenAction.of(report.get()).done());
        model.addAttribute("tokenId", tokenId);
        return "dashboard/token-action-result";
    }

    private void page(HttpServletResponse response, Model model, Viewer viewer) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        model.addAttribute("viewer", viewer);
        model.addAttribute("tasklist", tasklist);
    }

    private String confirmation(HttpServletRequest request, Model model, IssuedToken token, TokenReport report,
            String reason, String error) {
        model.addAttribute("token", token);
        model.addAttribute("state", Readable.tokenState(token.state()));
        model.addAttribute("action", TokenAction.of(report));
        model.addAttribute("formToken", formTokens.of(request));
        model.addAttribute("formTokenField", FormTokens.FIELD);
        model.addAttribute("reason", reason);
        model.addAttribute("reasonMax", TokenReportService.REASON_MAX);
        model.addAttribute("error", error);
        return "dashboard/token-action";
    }

    private static String refused(HttpServletResponse response, Model model, HttpStatus status, String message) {
        response.setStatus(status.value());
        model.addAttribute("refusal", message);
        return "dashboard/token-action-result";
    }

    private static HttpStatus status(ReportRefused refused) {
        return switch (refused.kind()) {
            case BAD_INPUT, BAD_REASON -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NOT_ALLOWED -> HttpStatus.FORBIDDEN;
            case NOT_LIVE -> HttpStatus.CONFLICT;
        };
    }

    static Reporter reporter(Viewer viewer) {
        return new Reporter(viewer.username(), viewer.admin());
    }
}
