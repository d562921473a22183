package org.tokengov.redcapsim;

import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** Creates REDCap's tables where they are missing; running it again changes nothing. */
final class RedcapSchema {

    private static final ClassPathResource DDL = new ClassPathResource("redcapsim/schema.sql");

    private RedcapSchema() {
    }

    static void createIfAbsent(DataSource dataSource) {
        new ResourceDatabasePopulator(DDL).execute(dataSource);
    }
}
