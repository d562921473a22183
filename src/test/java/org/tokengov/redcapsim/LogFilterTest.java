package org.tokengov.redcapsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;

/** REDCAP-FACTS.md 4, log export: the filters as SQL on the project's own log table. */
class LogFilterTest {

    private static final LocalDateTime CREATED = LocalDateTime.of(2019, 6, 3, 9, 0, 0);

    @Test
    void withoutFiltersTheLogStartsAtTheProjectsCreation() {
        LogFilter.Where where = LogFilter.of(request()).where(101, "redcap_log_event5", CREATED);

        assertThat(where.sql()).isEqualTo("project_id = ? AND ts >= ?");
        assertThat(where.arguments()).containsExactly(101, 20190603090000L);
    }

    @Test
    void aProjectWithoutACreationTimeOnFileHasNoLowerBound() {
        LogFilter.Where where = LogFilter.of(request()).where(101, LogTables.DEFAULT, null);

        assertThat(where.sql()).isEqualTo("project_id = ?");
    }

    @Test
    void timesGetSecondsZeroAppendedAndBothEndsAreInclusive() {
        LogFilter.Where where = LogFilter.of(request("beginTime", "2026-03-04 10:15", "endTime", "2026-03-04 11:30"))
                .where(101, LogTables.DEFAULT, CREATED);

        assertThat(where.sql()).isEqualTo("project_id = ? AND ts >= ? AND ts <= ?");
        assertThat(where.arguments()).containsExactly(101, 20260304101500L, 20260304113000L);
    }

    @Test
    void timesWithSecondsAsPyCapSendsThemAreTakenToTheSecond() {
        LogFilter.Where where = LogFilter.of(request("beginTime", "2026-03-04 10:15:07", "endTime", "2026-03-04 11:30:59"))
                .where(101, LogTables.DEFAULT, CREATED);

        assertThat(where.arguments()).containsExactly(101, 20260304101507L, 20260304113059L);
    }

    @Test
    void userAndRecordAreExactMatchesOnTheProjectsTable() {
        LogFilter.Where where = LogFilter.of(request("user", "alice", "record", "17")).where(201, "redcap_log_event7", null);

        assertThat(where.sql()).isEqualTo(
                "project_id = ? AND redcap_log_event7.user = ? AND object_type = 'redcap_data' AND pk = ?");
        assertThat(where.arguments()).containsExactly(201, "alice", "17");
    }

    @Test
    void logTypesMapOntoEventsAndObjectTypes() {
        assertThat(condition("export")).isEqualTo("(event = 'DATA_EXPORT')");
        assertThat(condition("manage")).isEqualTo("(event = 'MANAGE')");
        assertThat(condition("user"))
                .isEqualTo("(object_type = 'redcap_user_rights' AND event IN ('INSERT', 'UPDATE', 'DELETE'))");
        assertThat(condition("record"))
                .isEqualTo("(object_type = 'redcap_data' AND event IN ('INSERT', 'UPDATE', 'DELETE'))");
        assertThat(condition("record_add")).isEqualTo("(object_type = 'redcap_data' AND event = 'INSERT')");
        assertThat(condition("record_edit")).isEqualTo("(object_type = 'redcap_data' AND event = 'UPDATE')");
        assertThat(condition("record_delete")).isEqualTo("(object_type = 'redcap_data' AND event = 'DELETE')");
        assertThat(condition("lock_record")).isEqualTo("(event IN ('LOCK_RECORD', 'ESIGNATURE'))");
        assertThat(condition("page_view")).isEqualTo("(1 = 0)");
    }

    @Test
    void blankFiltersAreNoFilters() {
        assertThat(LogFilter.of(request("logtype", "", "user", " ", "beginTime", "")))
                .isEqualTo(new LogFilter(null, null, null, null, null));
    }

    @Test
    void refusesAnUnknownLogType() {
        assertThatThrownBy(() -> LogFilter.of(request("logtype", "everything")))
                .isInstanceOfSatisfying(ApiError.class, error -> {
                    assertThat(error.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(error).hasMessage("The value of the parameter \"logtype\" is not valid");
                });
    }

    @Test
    void refusesATimeInAnotherShape() {
        for (String time : new String[] {"2026-03-04T10:00", "2026-03-04", "2026-03-04 10:00:00.000", "04/03/2026 10:00"}) {
            assertThatThrownBy(() -> LogFilter.of(request("endTime", time)))
                    .isInstanceOfSatisfying(ApiError.class, error -> {
                        assertThat(error.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                        assertThat(error.getMessage()).contains("endTime", "YYYY-MM-DD HH:MM");
                    });
        }
    }

    private static String condition(String logType) {
        String sql = LogFilter.of(request("logtype", logType)).where(1, LogTables.DEFAULT, null).sql();
        return sql.substring("project_id = ? AND ".length());
    }

    static ApiRequest request(String... namesAndValues) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return ApiRequest.of(form, "192.0.2.10");
    }
}
