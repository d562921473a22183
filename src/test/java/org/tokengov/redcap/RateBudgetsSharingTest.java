package org.tokengov.redcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.tokengov.redcap.RateBudgets.Sharing;

/** Which database the budgets count in (nothing is connected here: the pool connects on first use). */
class RateBudgetsSharingTest {

    private static final RedcapProperties QA = new RedcapProperties(Map.of(RedcapEnvironment.QA,
            new RedcapProperties.Server(URI.create("http://redcap.invalid/api/"), TokenAdministrationMode.MANUAL, null,
                    null, null, null, 30, null, null)));

    @Test
    void autoSharesOnPostgresqlOnly() {
        try (RateBudgets onPostgres = new RateBudgets(QA, database("jdbc:postgresql://db.invalid/tokengov"), Sharing.AUTO);
                RateBudgets onH2 = new RateBudgets(QA, database("jdbc:h2:mem:tokengov"), Sharing.AUTO)) {
            assertThat(onPostgres.shared()).isTrue();
            assertThat(onPostgres.of(RedcapEnvironment.QA).permitsPerWindow()).isEqualTo(30);
            assertThat(onH2.shared()).isFalse();
            assertThat(onH2.of(RedcapEnvironment.QA).freeNow()).isEqualTo(30);
        }
    }

    @Test
    void offCountsInTheJvmEvenOnPostgresql() {
        try (RateBudgets budgets = new RateBudgets(QA, database("jdbc:postgresql://db.invalid/tokengov"), Sharing.OFF)) {
            assertThat(budgets.shared()).isFalse();
        }
    }

    @Test
    void onRefusesToStartWithoutPostgresql() {
        assertThatThrownBy(() -> new RateBudgets(QA, database("jdbc:h2:mem:tokengov"), Sharing.ON))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs the app's database on PostgreSQL");
    }

    private static DataSourceProperties database(String url) {
        DataSourceProperties properties = new DataSourceProperties();
        properties.setUrl(url);
        properties.setUsername("tokengov");
        return properties;
    }
}
