package org.tokengov.registry;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** {@link TokenReportsContract} on H2, the embedded default's database. */
class TokenReportsOnH2Test extends TokenReportsContract {

    @Override
    DataSource newDatabase() {
        return new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:reports-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;CASE_INSENSITIVE_IDENTIFIERS=TRUE", "sa", "");
    }

    @Override
    String[] migrations() {
        return new String[] {"classpath:db/migration/common"};
    }
}
