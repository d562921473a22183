package org.tokengov.redcapsim;

import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** {@link SchemaUpgradeContract} on H2 in MySQL mode, the embedded default's database. */
class RedcapSchemaUpgradeTest extends SchemaUpgradeContract {

    private final String url = "jdbc:h2:mem:redcap-upgrade-" + UUID.randomUUID() + ";MODE=MySQL;NON_KEYWORDS=USER,VALUE";
    private final SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "sa", "", true);

    @AfterEach
    void drop() {
        new JdbcTemplate(dataSource).execute("SHUTDOWN");
        dataSource.destroy();
    }

    @Override
    String url() {
        return url;
    }

    @Override
    String username() {
        return "sa";
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
