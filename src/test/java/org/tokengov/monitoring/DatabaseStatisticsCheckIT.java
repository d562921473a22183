package org.tokengov.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.testsupport.RealServers;

/** The check against the real PostgreSQL the app runs on, whichever way this server is configured. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = RealServers.class)
class DatabaseStatisticsCheckIT {

    @Autowired DatabaseStatisticsCheck check;
    @Autowired JdbcTemplate jdbc;

    @Test
    void warnsExactlyWhenTheServerKeepsNoStatistics() {
        boolean autovacuumOff = !jdbc.queryForObject(
                "select setting::boolean from pg_settings where name = 'autovacuum'", Boolean.class);

        assertThat(check.warning().isPresent()).isEqualTo(autovacuumOff);
    }
}
