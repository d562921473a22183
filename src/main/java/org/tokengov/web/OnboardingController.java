package org.tokengov.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tokengov.input.StrictJson;
import org.tokengov.reconciliation.Onboarding;
import org.tokengov.reconciliation.OnboardingCsv;
import org.tokengov.reconciliation.ReconciliationReport;
import org.tokengov.reconciliation.ReconciliationRuns;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapUnavailableException;
import org.tokengov.web.ApiCaller.Caller;
import org.tokengov.web.ApiErrors.BadRequest;
import org.tokengov.web.ApiErrors.Forbidden;
import org.tokengov.web.ApiErrors.Unavailable;

/**
 * REDCap administrators take in the tokens that existed before governance ({@code POST /api/onboarding}: from REDCap's
 * database; {@code POST /api/onboarding/csv}: from their own list, where the database is out of reach) and start a
 * reconciliation at once ({@code POST /api/reconciliations}). Onboarding says what would happen with
 * {@code "dryRun": true}; the caller must choose, so nothing is taken in by accident. Nothing is written when the
 * input is refused (400).
 */
@RestController
class OnboardingController {

    /** {@code environment} QA or PROD (null: every readable one); {@code projectIds} empty: every enrolled project. */
    record FromRedcap(String environment, List<Long> projectIds, Boolean dryRun) {
    }

    record Started(String processInstanceId) {
    }

    private final Onboarding onboarding;
    private final ReconciliationRuns runs;
    private final ApiCaller callers;

    OnboardingController(Onboarding onboarding, ReconciliationRuns runs, ApiCaller callers) {
        this.onboarding = onboarding;
        this.runs = runs;
        this.callers = callers;
    }

    @PostMapping("/api/onboarding")
    ReconciliationReport fromRedcap(@RequestBody(required = false) byte[] body) {
        Caller admin = admin();
        FromRedcap asked = read(body);
        if (asked.dryRun() == null) {
            throw new BadRequest("Say \"dryRun\": true to see what would happen, or false to take the tokens in.");
        }
        List<Long> projects = asked.projectIds() == null ? List.of() : asked.projectIds();
        if (projects.stream().anyMatch(project -> project == null || project <= 0)) {
            throw new BadRequest("\"projectIds\" are REDCap project ids: positive whole numbers.");
        }
        try {
            return onboarding.fromRedcap(environment(asked.environment()), projects, asked.dryRun(), admin.userId());
        } catch (Onboarding.Refused e) {
            throw new BadRequest(e.getMessage());
        } catch (RedcapUnavailableException e) {
            throw new Unavailable("REDCap could not be read; nothing was changed. Try again later.");
        }
    }

    @PostMapping(path = "/api/onboarding/csv", consumes = "text/csv")
    ReconciliationReport fromCsv(@RequestParam(required = false) String dryRun, @RequestBody(required = false) byte[] body) {
        Caller admin = admin();
        if (!"true".equals(dryRun) && !"false".equals(dryRun)) {
            throw new BadRequest("Add ?dryRun=true to see what would happen, or ?dryRun=false to take the tokens in.");
        }
        String csv = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        try {
            return onboarding.fromCsv(OnboardingCsv.read(csv), Boolean.parseBoolean(dryRun), admin.userId());
        } catch (OnboardingCsv.Unreadable | Onboarding.Refused e) {
            throw new BadRequest(e.getMessage());
        } catch (RedcapUnavailableException e) {
            throw new Unavailable("REDCap could not be asked for the projects' users; nothing was changed. Try again later.");
        }
    }

    @PostMapping("/api/reconciliations")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Started reconcileNow(@RequestBody(required = false) byte[] body) {
        if (body != null && body.length > 0) {
            read(body, NoDetails.class);
        }
        return new Started(runs.start(admin().userId()));
    }

    /** The body of a request that takes no details. */
    record NoDetails() {
    }

    private Caller admin() {
        Caller caller = callers.current();
        if (!caller.admin()) {
            throw new Forbidden("Only REDCap administrators onboard tokens and start reconciliations.");
        }
        return caller;
    }

    private static RedcapEnvironment environment(String given) {
        if (given == null) {
            return null;
        }
        try {
            return RedcapEnvironment.valueOf(given.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("\"environment\" is QA or PROD.");
        }
    }

    private static FromRedcap read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new BadRequest("Send a JSON body: {\"dryRun\": true|false, \"environment\": \"QA\"|\"PROD\", "
                    + "\"projectIds\": [101]} (environment and projectIds are optional).");
        }
        return read(body, FromRedcap.class);
    }

    private static <T> T read(byte[] body, Class<T> type) {
        try {
            return StrictJson.read(body, type);
        } catch (StrictJson.Unreadable e) {
            throw new BadRequest(e.getMessage());
        }
    }
}
