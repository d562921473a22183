package org.tokengov.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.tokengov.reconciliation.ReconciliationRuns;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.TokenSelection;
import org.tokengov.registry.TokenState;
import org.tokengov.requeststate.PageAsked;

/**
 * {@code GET /dashboard}: the token dashboard page (for administrators with the last reconciliation and a button that
 * starts one, {@code POST /dashboard/reconciliation}); {@code GET /dashboard/tokens.csv}: its token list as CSV, with the
 * same filter parameters ({@code environment}, {@code state}, {@code project}, {@code holder}), complete; the page's
 * token lists show one page each ({@code tokenPage}, {@code expiringPage}, {@code unusedPage}, {@code suspendedPage},
 * from 0) with links to the next and previous. A visitor without a
 * login is sent to Camunda's login page (the page) or refused with 401 (the CSV, for programs). A filter value that
 * does not parse, or another person's holder name asked for by someone who is not an administrator, gives 400 with
 * the reason: shown on the page, or as the CSV response's text. Neither response is cached: both show who holds what.
 */
@Controller
class DashboardController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
    private static final DateTimeFormatter LAST_RUN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    /** The state filter's choices: the state's name as sent, its words as shown. */
    private static final Map<String, String> STATE_CHOICES = Arrays.stream(TokenState.values())
            .collect(Collectors.toMap(Enum::name, Readable::tokenState, (one, other) -> one, LinkedHashMap::new));

    private final Viewers viewers;
    private final Dashboards dashboards;
    private final ReconciliationRuns reconciliations;
    private final Clock clock;
    private final TokenActionLinks actionLinks;
    private final String loginPage;
    private final String tasklist;

    DashboardController(Viewers viewers, Dashboards dashboards, ReconciliationRuns reconciliations, Clock clock,
            TokenActionLinks actionLinks, WebappLinks links) {
        this.viewers = viewers;
        this.dashboards = dashboards;
        this.reconciliations = reconciliations;
        this.clock = clock;
        this.actionLinks = actionLinks;
        this.loginPage = links.loginPage();
        this.tasklist = links.tasklist();
    }

    @GetMapping({"/dashboard", "/dashboard/"})
    String page(HttpServletRequest request, HttpServletResponse response, Model model,
            @RequestParam(required = false) String environment, @RequestParam(required = false) String state,
            @RequestParam(required = false) String project, @RequestParam(required = false) String holder) {
        Optional<Viewer> viewer = viewers.current(request);
        if (viewer.isEmpty()) {
            return "redirect:" + loginPage;
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        model.addAttribute("viewer", viewer.get());
        model.addAttribute("tasklist", tasklist);
        model.addAttribute("states", STATE_CHOICES);
        model.addAttribute("environments", RedcapEnvironment.values());
        model.addAttribute("asked", new DashboardFilterForm(environment, state, project, holder));
        if (viewer.get().admin()) {
            reconciliations.last().ifPresent(last -> {
                model.addAttribute("lastReconciliation", last);
                model.addAttribute("lastReconciliationAt", LAST_RUN.format(last.occurredAt().atZone(ZoneOffset.UTC)));
            });
            model.addAttribute("reconciliationStarted", "started".equals(request.getParameter("reconciliation")));
        }
        try {
            DashboardFilter filter = DashboardFilter.parse(environment, state, project, holder);
            DashboardView dashboard = dashboards.of(viewer.get(), filter, pages(request));
            model.addAttribute("dashboard", dashboard);
            model.addAttribute("tokenActions", actionLinks.of(viewer.get(), dashboard.tokens().rows()));
            model.addAttribute("csvLink", csvLink(filter));
        } catch (DashboardFilter.Invalid | PageAsked.Invalid e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
        }
        return "dashboard/index";
    }

    /**
     * A REDCap administrator starts a reconciliation with REDCap now (a form on the page; cross-site posts are refused
     * by the web guards, which check the request's Origin).
     */
    @PostMapping("/dashboard/reconciliation")
    ResponseEntity<String> reconcileNow(HttpServletRequest request) {
        Optional<Viewer> viewer = viewers.current(request);
        if (viewer.isEmpty() || !viewer.get().admin()) {
            return plainText(HttpStatus.FORBIDDEN).body("Only REDCap administrators start a reconciliation.\n");
        }
        reconciliations.start(viewer.get().username());
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.LOCATION, request.getContextPath() + "/dashboard?reconciliation=started").build();
    }

    /** Written as the registry reads the tokens, a batch at a time: never the whole list in memory. */
    @GetMapping("/dashboard/tokens.csv")
    void csv(HttpServletRequest request, HttpServletResponse response,
            @RequestParam(required = false) String environment, @RequestParam(required = false) String state,
            @RequestParam(required = false) String project, @RequestParam(required = false) String holder) throws IOException {
        Optional<Viewer> viewer = viewers.current(request);
        if (viewer.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"REDCap API token governance\", charset=\"UTF-8\"");
            plainText(response, HttpStatus.UNAUTHORIZED, "Log in to Tasklist first, or send HTTP Basic credentials.\n");
            return;
        }
        TokenSelection exported;
        try {
            exported = dashboards.exported(viewer.get(), DashboardFilter.parse(environment, state, project, holder));
        } catch (DashboardFilter.Invalid e) {
            plainText(response, HttpStatus.BAD_REQUEST, e.getMessage() + "\n");
            return;
        }
        String fileName = "tokens-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".csv";
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        response.setContentType(CSV.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString());
        PrintWriter csv = response.getWriter();
        csv.write(TokenCsv.headerLine());
        dashboards.forEachToken(exported, token -> csv.write(TokenCsv.line(token)));
    }

    private static ResponseEntity.BodyBuilder plainText(HttpStatus status) {
        // The message may echo the visitor's own input: plain text, and browsers must not sniff it into HTML.
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).contentType(TEXT)
                .header("X-Content-Type-Options", "nosniff");
    }

    private static void plainText(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        // As above, written straight to the response (the CSV's answer is written so, not returned).
        response.setStatus(status.value());
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        response.setContentType(TEXT.toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getWriter().write(message);
    }

    /** Which page of each token list the query asks for; a number that does not parse is refused. */
    private static Map<TokenListName, Integer> pages(HttpServletRequest request) {
        Map<TokenListName, Integer> pages = new EnumMap<>(TokenListName.class);
        for (TokenListName list : TokenListName.values()) {
            pages.put(list, PageAsked.parse(request.getParameter(list.parameter), null).page());
        }
        return pages;
    }

    private static String csvLink(DashboardFilter filter) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/dashboard/tokens.csv");
        filter.parameters().forEach(link::queryParam);
        return link.encode().build().toUriString();
    }
}
