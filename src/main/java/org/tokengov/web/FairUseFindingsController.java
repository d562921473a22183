package org.tokengov.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tokengov.usage.Certainty;
import org.tokengov.usage.FairUseFindings;
import org.tokengov.usage.FairUseRule;
import org.tokengov.usage.Finding;

/**
 * {@code GET /api/fair-use/findings}: what the fair-use rules found, newest first. REDCap administrators see every
 * finding; everyone else sees the confirmed findings about their own tokens (a suspected one is the administrators'
 * to weigh: REDCap's log cannot tell it from allowed use). Filters: {@code days} back (1–366, default 30),
 * {@code rule}, {@code limit} (1–1000, default 200).
 */
@RestController
class FairUseFindingsController {

    static final int MAX_LIMIT = 1000;

    record FindingView(String id, FairUseRule rule, Certainty certainty, boolean severe, String tokenId, String holder,
            String environment, long projectId, Instant windowStart, Instant windowEnd, String observed,
            String policySentence, Instant foundAt, String caseId) {

        static FindingView of(Finding f) {
            return new FindingView(f.id(), f.rule(), f.certainty(), f.severe(), f.tokenId(), f.holder(),
                    f.environment().name(), f.projectId(), f.windowStart(), f.windowEnd(), f.observed(),
                    f.policySentence(), f.foundAt(), f.caseId());
        }
    }

    private final FairUseFindings findings;
    private final ApiCaller callers;
    private final Clock clock;

    FairUseFindingsController(FairUseFindings findings, ApiCaller callers, Clock clock) {
        this.findings = findings;
        this.callers = callers;
        this.clock = clock;
    }

    @GetMapping("/api/fair-use/findings")
    List<FindingView> findings(@RequestParam(required = false) String days, @RequestParam(required = false) String rule,
            @RequestParam(required = false) String limit) {
        ApiCaller.Caller caller = callers.current();
        int back = number("days", days, 30, 366);
        int most = number("limit", limit, 200, MAX_LIMIT);
        FairUseRule wanted = rule == null ? null : rule(rule);
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofDays(back));
        List<Finding> found = caller.admin() ? findings.foundBetween(since, now.plusSeconds(1), MAX_LIMIT)
                : findings.ofHolder(caller.userId(), since).stream()
                        .filter(finding -> finding.certainty() == Certainty.CONFIRMED).toList();
        return found.stream().filter(finding -> wanted == null || finding.rule() == wanted).limit(most)
                .map(FindingView::of).toList();
    }

    private static int number(String name, String value, int otherwise, int max) {
        if (value == null) {
            return otherwise;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 1 && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiErrors.BadRequest(name + " must be a whole number from 1 to " + max + ".");
    }

    private static FairUseRule rule(String rule) {
        try {
            return FairUseRule.valueOf(rule.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new ApiErrors.BadRequest("rule must be one of " + Arrays.toString(FairUseRule.values()) + ".");
        }
    }
}
