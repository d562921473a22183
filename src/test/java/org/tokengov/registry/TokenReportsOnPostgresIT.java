package org.tokengov.registry;

import javax.sql.DataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.tokengov.testsupport.TestDatabases;

/** {@link TokenReportsContract} on the machine's PostgreSQL, a new database for each test. */
class TokenReportsOnPostgresIT extends TokenReportsContract {

    @Override
    DataSource newDatabase() {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), TestDatabases.newPostgresDatabase("reports"),
                TestDatabases.POSTGRES_USER, "");
    }

    @Override
    String[] migrations() {
        return new String[] {"classpath:db/migration/common", "classpath:db/migration/postgresql"};
    }
}
