package org.tokengov.usage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Service;
import org.tokengov.registry.IssuedToken;

/**
 * A token's last 90 days, for the people deciding about it (renewal, access review, reinstatement): its API calls as
 * counted from REDCap's log up to the last catch-up, and the fair-use findings recorded about it in that time.
 */
@Service
public class RecentUse {

    /** How far back the evidence looks: a quarter, the access reviews' cycle; the hourly counts are kept longer. */
    public static final Duration SPAN = Duration.ofDays(90);

    /** In words, for a task form's read-only fields. */
    public record Evidence(String use, String findings) {
    }

    private final TokenUsage usage;
    private final FairUseFindings findings;
    private final Clock clock;

    RecentUse(TokenUsage usage, FairUseFindings findings, Clock clock) {
        this.usage = usage;
        this.findings = findings;
        this.clock = clock;
    }

    public Evidence of(IssuedToken token) {
        Instant now = clock.instant();
        Instant from = now.minus(SPAN);
        return new Evidence(usage.summary(token, from, now).describe(), describe(findings.ofToken(token.id(), from)));
    }

    /** One line per finding, newest first: when, rule, certainty, what was observed. */
    static String describe(List<Finding> found) {
        if (found.isEmpty()) {
            return "No fair-use finding in the last " + SPAN.toDays() + " days.";
        }
        return String.join("\n", found.stream().map(finding -> finding.foundAt().atZone(ZoneOffset.UTC).toLocalDate()
                + " " + finding.rule() + " (" + finding.certainty().name().toLowerCase() + "): " + finding.observed())
                .toList());
    }
}
