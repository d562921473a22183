package org.tokengov.redcaplog;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tokengov.redcap.RedcapLogRow;

/**
 * The de-duplication rule of the API's log ({@code content=log}), which has minute resolution, no row id, bounds
 * inclusive on both sides and REDCap's local time:
 * <ol>
 *   <li>Each read begins at a minute {@code B} (REDCap's local time) and returns every row from {@code B} on. The
 *       digests of the rows already seen from {@code B} on are kept, with how often each was seen (two calls of one
 *       user in one minute are two equal rows); a row is new when its digest has been seen fewer times than it now
 *       appears.</li>
 *   <li>After a read at instant {@code now}, the next begins at the earliest wall-clock minute any moment from
 *       {@code now - overlap} on can have ({@link #beginOfNextRead}): usually {@code now - overlap} in REDCap's zone,
 *       but before a daylight-saving fall-back (or just after one) the repeated hour's start, since rows written in
 *       the repeated hour carry times before the ones already read. The overlap covers rows written late (REDCap
 *       stamps a row with its request's start) and clocks that differ.</li>
 *   <li>That minute never moves back from one read to the next, so every row already seen from it on is in the
 *       read, and the digests kept (those of the rows from the next begin on) are all that is needed.</li>
 * </ol>
 */
final class ApiLogWindow {

    private ApiLogWindow() {
    }

    /** The minute the next read begins at, in REDCap's local time. */
    static LocalDateTime beginOfNextRead(Instant now, Duration overlap, ZoneId zone) {
        Instant from = now.minus(overlap);
        ZoneRules rules = zone.getRules();
        LocalDateTime earliest = LocalDateTime.ofInstant(from, zone);
        // A fall-back from this moment on repeats wall-clock times; only one within a day can reach below `earliest`.
        ZoneOffsetTransition transition = rules.nextTransition(from);
        while (transition != null && transition.getInstant().isBefore(from.plus(Duration.ofDays(1)))) {
            if (transition.isOverlap() && transition.getDateTimeAfter().isBefore(earliest)) {
                earliest = transition.getDateTimeAfter();
            }
            transition = rules.nextTransition(transition.getInstant());
        }
        return earliest.truncatedTo(ChronoUnit.MINUTES);
    }

    /** A read's rows split into those seen before and those new, oldest first. */
    record Split(List<NewRow> fresh, Map<String, Integer> seenFromNextBegin) {
    }

    /** A new row, with which occurrence of its digest it is (1 for the first): part of its key. */
    record NewRow(RedcapLogRow row, String digest, int occurrence) {
    }

    /**
     * @param newestFirst the rows as REDCap returns them
     * @param seen digests of the rows seen before from this read's begin on, with how often each was seen
     * @param nextBegin where the next read begins: the digests of the rows from there on are kept
     */
    static Split split(List<RedcapLogRow> newestFirst, Map<String, Integer> seen, LocalDateTime nextBegin) {
        List<RedcapLogRow> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        Map<String, Integer> appearances = new HashMap<>();
        Map<String, Integer> kept = new HashMap<>();
        List<NewRow> fresh = new ArrayList<>();
        for (RedcapLogRow row : oldestFirst) {
            String digest = row.digest();
            int occurrence = appearances.merge(digest, 1, Integer::sum);
            if (occurrence > seen.getOrDefault(digest, 0)) {
                fresh.add(new NewRow(row, digest, occurrence));
            }
            if (!row.at().isBefore(nextBegin)) {
                kept.merge(digest, 1, Integer::sum);
            }
        }
        return new Split(fresh, kept);
    }
}
