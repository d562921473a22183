package org.tokengov.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.tokengov.fairuse.FairUseProperties;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.fairuse.FairUseCases;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenReports;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.registry.TokenRequests;
import org.tokengov.registry.TokenSelection;
import org.tokengov.registry.TokenState;
import org.tokengov.usage.Certainty;
import org.tokengov.usage.FairUseFindings;
import org.tokengov.usage.Finding;
import org.tokengov.usage.HourCount;
import org.tokengov.usage.TokenUsage;
import org.tokengov.usage.UsageCounts;
import org.tokengov.usage.UsageKey;

/**
 * Builds the dashboard's fair-use section from the usage counts, the findings and the misuse cases. Whose rows a
 * viewer gets is {@link VisibleRecords}'s decision, as for tokens; a suspected finding (REDCap's log alone cannot tell
 * it from allowed use) is shown to administrators only, as everywhere else.
 */
@Service
class FairUseBoard {

    static final int TOP_USER_DAYS = 7;
    static final int TOP_USERS = 20;
    /** Four whole weeks: every hour of the week counted four times. */
    static final int HEAT_MAP_DAYS = 28;
    /** Findings found this long ago or later, whose case (if any) is not closed, are open. */
    static final int FINDING_DAYS = 30;
    /** Observed use of a token: calls per day over this many days (or since its issue). */
    static final int OBSERVED_DAYS = 30;
    /** Findings and cases listed at most: the newest findings, the cases with the soonest deadline. */
    static final int ROWS = 100;

    private final VisibleRecords records;
    private final TokenUsage usage;
    private final FairUseFindings findings;
    private final FairUseCases cases;
    private final TokenReports tokenReports;
    private final TokenRequests requests;
    private final FairUseProperties fairUse;

    FairUseBoard(VisibleRecords records, TokenUsage usage, FairUseFindings findings, FairUseCases cases,
            TokenReports tokenReports, TokenRequests requests, FairUseProperties fairUse) {
        this.records = records;
        this.usage = usage;
        this.findings = findings;
        this.cases = cases;
        this.tokenReports = tokenReports;
        this.requests = requests;
        this.fairUse = fairUse;
    }

    /** {@code visible}: the tokens the viewer may see with the filter; {@code page}: which page of declared use. */
    FairUseView of(Viewer viewer, DashboardFilter filter, TokenSelection visible, int page, Instant now) {
        String person = records.person(viewer, filter);
        Predicate<UsageKey> shown = key -> (person == null || person.equals(key.username()))
                && filter.admitsUsage(key.environment(), key.projectId(), key.username());
        Map<UsageKey, UsageCounts> callers = visibleCallers(now.minus(days(TOP_USER_DAYS)), now, person, shown);
        List<TopUserRow> topUsers = callers.entrySet().stream().limit(TOP_USERS)
                .map(caller -> TopUserRow.of(caller.getKey(), caller.getValue())).toList();
        boolean everyone = person == null && filter.environment() == null && filter.projectId() == null;
        long[] week = everyone ? usage.callsByHourOfWeek(now.minus(days(HEAT_MAP_DAYS)), now)
                : callsByHourOfWeek(now.minus(days(HEAT_MAP_DAYS)), now, person, shown);
        return new FairUseView(topUsers, callers.size() > TOP_USERS, HourOfWeekMap.of(week, fairUse),
                openFindings(viewer, filter, person, now), openCases(filter, person, now), declaredUse(filter, visible, page, now),
                zones());
    }

    /** {@code person}: narrows the database's sum to one person's calls (a holder's view), null for everyone. */
    private Map<UsageKey, UsageCounts> visibleCallers(Instant from, Instant to, String person, Predicate<UsageKey> shown) {
        Map<UsageKey, UsageCounts> visible = new LinkedHashMap<>();
        usage.callers(from, to, person).forEach((key, counts) -> {
            if (shown.test(key)) {
                visible.put(key, counts);
            }
        });
        return visible;
    }

    /** The week of the callers the viewer may see, each hour in its environment's REDCap time. */
    private long[] callsByHourOfWeek(Instant from, Instant to, String person, Predicate<UsageKey> shown) {
        long[] week = new long[7 * 24];
        for (UsageKey key : visibleCallers(from, to, person, shown).keySet()) {
            ZoneId zone = usage.zone(key.environment());
            for (HourCount hour : usage.hours(key, from, to)) {
                ZonedDateTime local = hour.hour().atZone(zone);
                week[TokenUsage.hourOfWeek(local.getDayOfWeek(), local.getHour())] += hour.counts().calls();
            }
        }
        return week;
    }

    private List<FindingRow> openFindings(Viewer viewer, DashboardFilter filter, String person, Instant now) {
        Instant since = now.minus(days(FINDING_DAYS));
        List<Finding> found = (person == null ? findings.foundBetween(since, now.plusSeconds(1), ROWS)
                : findings.ofHolder(person, since)).stream()
                .filter(finding -> viewer.admin() || finding.certainty() == Certainty.CONFIRMED)
                .filter(finding -> filter.admitsUsage(finding.environment(), finding.projectId(), finding.holder()))
                .toList();
        Set<String> closed = cases.closedAmong(found.stream().map(Finding::caseId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        return found.stream().filter(finding -> finding.caseId() == null || !closed.contains(finding.caseId()))
                .limit(ROWS).map(FindingRow::of).toList();
    }

    private List<CaseRow> openCases(DashboardFilter filter, String person, Instant now) {
        return cases.openCases(person, ROWS).stream()
                .filter(open -> filter.admitsUsage(open.environment(), open.projectId(), open.holder()))
                .map(open -> CaseRow.of(open, now)).toList();
    }

    private TokenList<DeclaredUseRow> declaredUse(DashboardFilter filter, TokenSelection visible, int page, Instant now) {
        TokenSelection live = visible.narrowedTo(TokenState.LIVE);
        TokenListName name = TokenListName.DECLARED_USE;
        List<DeclaredUseRow> rows = new ArrayList<>();
        for (IssuedToken token : tokenReports.newestFirst(live, page * name.pageSize, name.pageSize)) {
            TokenRequestRecord request = token.requestId() == null ? null : requests.find(token.requestId()).orElse(null);
            Instant from = now.minus(days(OBSERVED_DAYS));
            if (token.issuedAt() != null && token.issuedAt().isAfter(from)) {
                from = token.issuedAt();
            }
            rows.add(DeclaredUseRow.of(token, request, usage.hours(UsageKey.of(token), from, now),
                    usage.zone(token.environment()), from, now, fairUse.declaredUsage()));
        }
        return TokenList.of(name, rows, tokenReports.count(live), page, filter);
    }

    /** REDCap's time zone: one name, or one per environment where they differ. */
    private String zones() {
        Map<RedcapEnvironment, ZoneId> zones = new LinkedHashMap<>();
        for (RedcapEnvironment environment : RedcapEnvironment.values()) {
            zones.put(environment, usage.zone(environment));
        }
        if (zones.values().stream().distinct().count() == 1) {
            return zones.values().iterator().next().getId();
        }
        return zones.entrySet().stream().map(zone -> zone.getKey().name() + ": " + zone.getValue().getId())
                .collect(Collectors.joining(", "));
    }

    private static Duration days(int days) {
        return Duration.ofDays(days);
    }
}
