package org.tokengov.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tokengov.testsupport.KeycloakTestServer;
import org.tokengov.testsupport.TestDatabases;
import org.tokengov.testsupport.TwoNodes;

/**
 * Two replicas of a new installation start at the same moment on one PostgreSQL database that holds only Camunda's
 * tables (what the chart's install Job leaves before the first start when the app's own migrations are new): both
 * start, the diagrams are deployed once (Camunda's deployment lock and duplicate filtering), the app's Flyway
 * migrations run once (Flyway's lock), and what the app writes at every start (authorizations, Tasklist filters) is
 * there once.
 */
class ParallelStartIT {

    @Test
    void twoNodesStartingTogetherOnANewDatabaseDeployAndMigrateOnce() {
        try (TwoNodes nodes = new TwoNodes("camunda.bpm.database.schema-update=false",
                "camunda.bpm.job-execution.enabled=false")) {
            installEngineTables(nodes.engineDatabase());

            nodes.startTogether();

            JdbcTemplate jdbc = jdbc(nodes.engineDatabase());
            assertThat(jdbc.queryForObject("select count(*) from act_re_deployment", Integer.class))
                    .as("deployments").isOne();
            assertThat(jdbc.queryForList("select key_ || ' v' || version_ from act_re_procdef where version_ > 1",
                    String.class)).as("second versions of a diagram").isEmpty();
            assertThat(jdbc.queryForList("select key_ from act_re_procdef", String.class))
                    .contains("TokenRequestProcess", "TokenLifecycleProcess", "OffboardingProcess").doesNotHaveDuplicates();
            assertThat(jdbc.queryForList("select version from flyway_schema_history where version is not null",
                    String.class)).as("each migration once").isNotEmpty().doesNotHaveDuplicates();
            assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where not success", Integer.class))
                    .isZero();
            assertThat(jdbc.queryForList("select name_ from act_ru_filter", String.class)).as("Tasklist filters")
                    .contains("My tasks", "Code reviews").doesNotHaveDuplicates();
            assertThat(jdbc.queryForList("select type_ || ':' || coalesce(group_id_, '') || ':' || resource_type_ || ':'"
                    + " || resource_id_ from act_ru_authorization where user_id_ is null", String.class))
                    .as("group grants").doesNotHaveDuplicates();
            for (int node = 0; node < 2; node++) {
                ProcessEngine engine = nodes.node(node).getBean(ProcessEngine.class);
                assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
                        .processDefinitionKey("TokenRequestProcess").count()).as("node %d sees one definition", node).isOne();
            }
        }
    }

    /**
     * With Keycloak as the identity, as production runs: its Camunda plugin would grant {@code camunda-admin} its
     * authorizations while the engine is built, before the app's start-up lock, and two replicas doing that at once
     * collided on Camunda's unique key; one failed to start (found running the chart's two replicas under podman).
     */
    @Test
    void twoNodesWithKeycloakStartingTogetherOnANewDatabaseBothStart() {
        try (TwoNodes nodes = new TwoNodes("camunda.bpm.database.schema-update=false",
                "camunda.bpm.job-execution.enabled=false",
                "tokengov.keycloak.server-url=" + KeycloakTestServer.baseUrl(),
                "tokengov.keycloak.client-secret=" + KeycloakTestServer.clientSecret())
                .withProfiles("embedded", "keycloak")) {
            installEngineTables(nodes.engineDatabase());

            nodes.startTogether();

            assertThat(nodes.node(0)).as("node 0 started").isNotNull();
            assertThat(nodes.node(1)).as("node 1 started").isNotNull();
            JdbcTemplate jdbc = jdbc(nodes.engineDatabase());
            assertThat(jdbc.queryForList("select resource_type_ from act_ru_authorization"
                    + " where group_id_ = 'camunda-admin' and resource_id_ = '*'", Integer.class))
                    .as("camunda-admin's grants, one per resource")
                    .hasSize(Resources.values().length).doesNotHaveDuplicates();
        }
    }

    /** Camunda's tables only, as a fresh install has them before the app's first start. */
    private static void installEngineTables(String url) {
        ProcessEngine engine = new StandaloneProcessEngineConfiguration()
                .setProcessEngineName("engine-tables-" + System.nanoTime())
                .setJdbcUrl(url).setJdbcUsername(TestDatabases.POSTGRES_USER).setJdbcPassword("")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE).setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(false)
                .buildProcessEngine();
        engine.close();
    }

    private static JdbcTemplate jdbc(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(TestDatabases.POSTGRES_USER);
        return new JdbcTemplate(dataSource);
    }
}
