package org.tokengov.redcaplog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tokengov.redcap.RedcapLogRow;

/**
 * The API log's de-duplication rule against a REDCap log that behaves as REDCap's export does: minute resolution, no
 * row id, both bounds inclusive, newest first, wall-clock time of New York (whose fall-back repeats an hour).
 */
class ApiLogWindowTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Duration OVERLAP = Duration.ofMinutes(10);

    /** REDCap's log of one project: rows in the order REDCap wrote them. */
    final List<RedcapLogRow> log = new ArrayList<>();
    /** What the reader kept, in the order it kept it. */
    final List<RedcapLogRow> kept = new ArrayList<>();
    LocalDateTime begin = RedcapLogReader.WHOLE_LOG;
    Map<String, Integer> seen = new HashMap<>();

    void written(String localMinute, String user, String action) {
        log.add(new RedcapLogRow(0, null, 201, LocalDateTime.parse(localMinute), user, null, null, null, "", action, "",
                Set.of()));
    }

    /** {@code content=log} with {@code beginTime}: rows from that minute on, newest first. */
    List<RedcapLogRow> export(LocalDateTime beginTime) {
        List<RedcapLogRow> rows = new ArrayList<>();
        for (int i = log.size() - 1; i >= 0; i--) {
            if (!log.get(i).at().isBefore(beginTime)) {
                rows.add(log.get(i));
            }
        }
        rows.sort(Comparator.comparing(RedcapLogRow::at).reversed());
        return rows;
    }

    /** One read as the reader makes it at {@code now}. */
    void readAt(String now) {
        LocalDateTime next = ApiLogWindow.beginOfNextRead(Instant.parse(now), OVERLAP, NEW_YORK);
        next = next.isBefore(begin) ? begin : next;
        ApiLogWindow.Split split = ApiLogWindow.split(export(begin), seen, next);
        split.fresh().forEach(row -> kept.add(row.row()));
        seen = split.seenFromNextBegin();
        begin = next;
    }

    @Test
    void theNextReadBeginsTheOverlapBeforeTheReadInRedcapsWallClockTime() {
        assertThat(ApiLogWindow.beginOfNextRead(Instant.parse("2026-07-15T13:30:25Z"), Duration.ofHours(1), NEW_YORK))
                .isEqualTo(LocalDateTime.parse("2026-07-15T08:30"));
        assertThat(ApiLogWindow.beginOfNextRead(Instant.parse("2026-01-15T13:30:25Z"), Duration.ofHours(1), NEW_YORK))
                .isEqualTo(LocalDateTime.parse("2026-01-15T07:30"));
    }

    @Test
    void eachRowIsKeptOnceThoughEveryReadTakesTheOverlapAgain() {
        written("2026-07-15T09:00", "alice", "Export data (API)");
        written("2026-07-15T09:01", "bob", "Export data (API)");
        readAt("2026-07-15T13:01:30Z");
        written("2026-07-15T09:03", "alice", "Export data (API)");
        readAt("2026-07-15T13:04:00Z");
        readAt("2026-07-15T13:05:00Z");

        assertThat(kept).containsExactlyElementsOf(log);
    }

    @Test
    void twoEqualRowsInOneMinuteAreTwoCallsEvenWhenTheSecondComesAfterARead() {
        written("2026-07-15T09:00", "alice", "Export data (API)");
        readAt("2026-07-15T13:00:20Z");
        written("2026-07-15T09:00", "alice", "Export data (API)");
        readAt("2026-07-15T13:00:50Z");
        readAt("2026-07-15T13:02:00Z");

        assertThat(kept).hasSize(2);
    }

    @Test
    void aRowWrittenLateWithinTheOverlapIsStillRead() {
        written("2026-07-15T09:00", "alice", "Export data (API)");
        readAt("2026-07-15T13:08:00Z");
        // A long export started at 09:02 and is logged at its end, with its start time.
        written("2026-07-15T09:02", "bob", "Export data (API)");
        readAt("2026-07-15T13:09:00Z");

        assertThat(kept).extracting(RedcapLogRow::user).containsExactly("alice", "bob");
    }

    @Test
    void aReadJustBeforeTheFallBackReachesBackToTheRepeatedHoursStart() {
        // 2026-11-01 06:00Z: 02:00 EDT becomes 01:00 EST.
        assertThat(ApiLogWindow.beginOfNextRead(Instant.parse("2026-11-01T05:55:00Z"), OVERLAP, NEW_YORK))
                .isEqualTo(LocalDateTime.parse("2026-11-01T01:00"));
        assertThat(ApiLogWindow.beginOfNextRead(Instant.parse("2026-11-01T06:20:00Z"), OVERLAP, NEW_YORK))
                .as("in the repeated hour: only its later wall-clock times are still to come")
                .isEqualTo(LocalDateTime.parse("2026-11-01T01:10"));
        assertThat(ApiLogWindow.beginOfNextRead(Instant.parse("2026-11-01T04:00:00Z"), OVERLAP, NEW_YORK))
                .as("two hours before the change nothing can repeat yet").isEqualTo(LocalDateTime.parse("2026-11-01T23:50").minusDays(1));
    }

    @Test
    void theRepeatedHourOfTheFallBackIsReadWithoutLossAndWithoutDuplicates() {
        written("2026-11-01T01:10", "alice", "Export data (API)"); // 05:10Z, EDT
        written("2026-11-01T01:50", "bob", "Export data (API)");   // 05:50Z, EDT
        readAt("2026-11-01T05:55:00Z");                                  // 01:55 EDT
        written("2026-11-01T01:05", "alice", "Export data (API)"); // 06:05Z, EST: earlier on the wall clock
        written("2026-11-01T01:10", "alice", "Export data (API)"); // 06:10Z: equal to the first row
        readAt("2026-11-01T06:12:00Z");                                  // 01:12 EST
        written("2026-11-01T01:30", "bob", "Export data (API)");   // 06:30Z
        readAt("2026-11-01T06:40:00Z");
        readAt("2026-11-01T08:00:00Z");                                  // 03:00 EST

        assertThat(kept).hasSize(5).containsExactlyInAnyOrderElementsOf(log);
    }

    @Test
    void withoutWideningTheWindowTheRepeatedHourWouldBeLost() {
        // The rule's reason: a read at 01:55 EDT that began its next read at 01:45 (the overlap alone)
        // would never see a row of 01:05 EST.
        written("2026-11-01T01:50", "bob", "Export data (API)");
        LocalDateTime overlapAlone = LocalDateTime.parse("2026-11-01T01:45");
        written("2026-11-01T01:05", "alice", "Export data (API)");
        assertThat(export(overlapAlone)).extracting(RedcapLogRow::user).containsExactly("bob");
        assertThat(ApiLogWindow.beginOfNextRead(Instant.parse("2026-11-01T05:55:00Z"), OVERLAP, NEW_YORK))
                .isBefore(LocalDateTime.parse("2026-11-01T01:05"));
    }

    @Test
    void theBeginNeverMovesBackFromOneReadToTheNext() {
        LocalDateTime previous = null;
        for (Instant now = Instant.parse("2026-11-01T03:00:00Z"); now.isBefore(Instant.parse("2026-11-01T09:00:00Z"));
                now = now.plus(Duration.ofMinutes(1))) {
            LocalDateTime next = ApiLogWindow.beginOfNextRead(now, OVERLAP, NEW_YORK);
            if (previous != null) {
                assertThat(next).as("at " + now).isAfterOrEqualTo(previous);
            }
            previous = next;
        }
    }
}
