package org.tokengov.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A record export is filtered when it named records, a filter logic or a date range; fields alone take every record. */
class ReportedExportTest {

    static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void recordsFilterLogicOrADateRangeMakeAnExportFiltered() {
        assertThat(ReportedExport.of(AT, 2, 0, false, false).filtered()).isTrue();
        assertThat(ReportedExport.of(AT, 0, 0, true, false).filtered()).isTrue();
        assertThat(ReportedExport.of(AT, 0, 0, false, true).filtered()).isTrue();
    }

    @Test
    void anExportOfEveryRecordIsFullEvenWithFewFields() {
        assertThat(ReportedExport.of(AT, 0, 0, false, false)).isEqualTo(new ReportedExport(AT, false, 0, 0));
        assertThat(ReportedExport.of(AT, 0, 3, false, false)).isEqualTo(new ReportedExport(AT, false, 0, 3));
    }
}
