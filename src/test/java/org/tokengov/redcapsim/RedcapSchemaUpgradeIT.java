package org.tokengov.redcapsim;

import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.tokengov.testsupport.TestDatabases;

/** {@link SchemaUpgradeContract} on MariaDB, the database of a real REDCap. */
class RedcapSchemaUpgradeIT extends SchemaUpgradeContract {

    private final String url = TestDatabases.newMariaDbDatabase("redcap_upgrade");

    @Override
    String url() {
        return url;
    }

    @Override
    String username() {
        return TestDatabases.MARIADB_USER;
    }

    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource(url, TestDatabases.MARIADB_USER, "");
    }
}
