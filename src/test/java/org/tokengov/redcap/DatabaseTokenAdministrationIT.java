package org.tokengov.redcap;

import org.tokengov.testsupport.TestDatabases;

/** {@link DatabaseTokenAdministrationContract} on a real MariaDB database, as REDCap runs on. */
class DatabaseTokenAdministrationIT extends DatabaseTokenAdministrationContract {

    private static String jdbcUrl;

    @Override
    String jdbcUrl() {
        synchronized (DatabaseTokenAdministrationIT.class) {
            if (jdbcUrl == null) {
                jdbcUrl = TestDatabases.newMariaDbDatabase("redcap_admin");
            }
            return jdbcUrl;
        }
    }

    @Override
    String username() {
        return TestDatabases.MARIADB_USER;
    }
}
