package org.tokengov.dashboard;

import java.util.List;

/**
 * The dashboard's fair-use section, ready to print, within the viewer's visibility (administrators everyone's, anyone
 * else their own) and the page's filter: the busiest API users of the last {@value FairUseBoard#TOP_USER_DAYS} days,
 * calls by hour of the week over the last {@value FairUseBoard#HEAT_MAP_DAYS} days, open findings and misuse cases,
 * and the declared against the observed use of each live token (one page of them).
 *
 * @param zones REDCap's time zone, in which hours and days are counted (per environment where they differ)
 * @param moreTopUsers whether more users called than the table lists
 */
record FairUseView(
        List<TopUserRow> topUsers,
        boolean moreTopUsers,
        HourOfWeekMap callsByHourOfWeek,
        List<FindingRow> openFindings,
        List<CaseRow> openCases,
        TokenList<DeclaredUseRow> declaredUse,
        String zones) {
}
