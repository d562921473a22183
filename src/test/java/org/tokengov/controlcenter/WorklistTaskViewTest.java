package org.tokengov.controlcenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.tokengov.redcap.RedcapEnvironment;

/** What the worklist shows fits Camunda's text variable (4,000 characters), however large the wave. */
class WorklistTaskViewTest {

    static WorklistLine line(long number) {
        return new WorklistLine(number, "wave-1", "token-" + number, RedcapEnvironment.PROD, 101, "holder" + number,
                WorkKind.DELETE_TOKEN, "OFFBOARDING", "Its API rights are off meanwhile.", Instant.parse("2026-12-06T10:00:00Z"));
    }

    @Test
    void aSmallWaveShowsEveryLine() {
        assertThat(WorklistTaskView.text(List.of(line(1), line(2)))).startsWith("#1 PROD: delete the API token of holder1")
                .contains("\n#2 PROD").doesNotContain("more line");
        assertThat(WorklistTaskView.text(List.of())).isEqualTo("Nothing left to do.");
    }

    @Test
    void aThousandLinesShowTheOldestAndHowManyMoreWait() {
        List<WorklistLine> burst = LongStream.rangeClosed(1, 1000).mapToObj(WorklistTaskViewTest::line).toList();

        String text = WorklistTaskView.text(burst);

        assertThat(text.length()).isLessThanOrEqualTo(WorklistTaskView.MAX_TEXT);
        assertThat(text).startsWith("#1 PROD").containsPattern("\\.\\.\\. and 9\\d\\d more line\\(s\\)");
        long shown = text.lines().filter(row -> row.startsWith("#")).count();
        assertThat(text).contains("and " + (1000 - shown) + " more line(s)");
    }
}
