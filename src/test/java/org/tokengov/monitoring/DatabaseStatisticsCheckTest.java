package org.tokengov.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

@ExtendWith(OutputCaptureExtension.class)
class DatabaseStatisticsCheckTest {

    @Test
    void postgresWithoutAutovacuumIsWarnedAbout(CapturedOutput output) {
        DatabaseStatisticsCheck check = new DatabaseStatisticsCheck(postgresWithAutovacuum("off"));

        assertThat(check.warning()).contains(DatabaseStatisticsCheck.WARNING);
        check.warnWithoutStatistics();
        assertThat(output.getOut()).contains("WARN").contains("autovacuum is off").contains("ANALYZE");
    }

    @Test
    void postgresWithAutovacuumIsNot(CapturedOutput output) {
        DatabaseStatisticsCheck check = new DatabaseStatisticsCheck(postgresWithAutovacuum("on"));

        assertThat(check.warning()).isEmpty();
        check.warnWithoutStatistics();
        assertThat(output.getOut()).doesNotContain("autovacuum");
    }

    @Test
    void theEmbeddedDatabaseIsNotAsked() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:statistics-check;DB_CLOSE_DELAY=-1");

        // H2 has no "show autovacuum": asking would fail.
        assertThat(new DatabaseStatisticsCheck(new JdbcTemplate(h2)).warning()).isEmpty();
    }

    @Test
    void anUnreadableSettingIsReportedWithoutTheDriversMessage(CapturedOutput output) {
        JdbcTemplate jdbc = postgresWithAutovacuum("off");
        when(jdbc.queryForObject("show autovacuum", String.class))
                .thenThrow(new DataAccessResourceFailureException("jdbc:postgresql://db/tokengov?password=secret"));

        new DatabaseStatisticsCheck(jdbc).warnWithoutStatistics();

        assertThat(output.getOut()).contains("Could not read PostgreSQL's autovacuum setting")
                .contains("DataAccessResourceFailureException").doesNotContain("password=secret");
    }

    @SuppressWarnings("unchecked")
    private static JdbcTemplate postgresWithAutovacuum(String setting) {
        JdbcTemplate jdbc = mock(JdbcTemplate.class);
        when(jdbc.execute(any(ConnectionCallback.class))).thenReturn(Boolean.TRUE);
        when(jdbc.queryForObject("show autovacuum", String.class)).thenReturn(setting);
        return jdbc;
    }
}
