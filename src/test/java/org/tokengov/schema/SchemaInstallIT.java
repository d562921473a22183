package org.tokengov.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tokengov.TokenGovernanceApplication;
import org.tokengov.testsupport.KeycloakTestServer;
import org.tokengov.testsupport.TestDatabases;

/**
 * The install and upgrade step on the machine's PostgreSQL, run as the Helm chart's Job runs it (the app's main with
 * {@code --install-schema} and the {@code production} profile): on an empty database, after which the app starts with
 * {@code production,keycloak} and its engine's {@code schema-update: false}; and on a database the previous release
 * made without Liquibase (the engine's own schema-update, Flyway some migrations behind, Camunda a minor version
 * behind), which it upgrades in place, keeping what was deployed; run twice, it changes nothing the second time.
 */
class SchemaInstallIT {

    @Test
    void installsAnEmptyDatabaseOnWhichProductionStarts() throws Exception {
        String url = TestDatabases.newPostgresDatabase("install");

        assertThat(install(url)).isZero();

        JdbcTemplate jdbc = jdbc(url);
        assertThat(jdbc.queryForList("select version_ from act_ge_schema_log", String.class)).contains("7.24.0");
        assertThat(jdbc.queryForObject("select count(*) from databasechangelog where tag = '7.24.0'", Integer.class)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where not success", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where table_name = 'audit_event'",
                Integer.class)).isOne();

        try (ConfigurableApplicationContext production = startProduction(url)) {
            assertThat(production.getEnvironment().getProperty("camunda.bpm.database.schema-update")).isEqualTo("false");
            ProcessEngine engine = production.getBean(ProcessEngine.class);
            assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("TokenRequestProcess")
                    .count()).isOne();
            // Actuator on a port of its own, as the Helm chart runs it (MANAGEMENT_SERVER_PORT).
            String port = production.getEnvironment().getProperty("local.management.port");
            HttpResponse<String> readiness = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        }
    }

    @Test
    void upgradesThePreviousReleasesDatabaseInPlace() throws Exception {
        String url = TestDatabases.newPostgresDatabase("upgrade");
        String deployment = previousRelease(url);
        JdbcTemplate jdbc = jdbc(url);

        assertThat(install(url)).isZero();

        // The engine's own creation logs its version with id 0; the 7.23 to 7.24 script adds its row with id 1300. Had
        // the baseline run, it would have failed on the existing tables: it was marked as run, as every change up to 7.23.
        assertThat(jdbc.queryForList("select id_ || ':' || version_ from act_ge_schema_log order by id_", String.class))
                .containsExactly("0:7.23.0", "1300:7.24.0");
        assertThat(jdbc.queryForList("select id from databasechangelog order by orderexecuted", String.class))
                .startsWith("7.16.0-baseline", "7.16.0-tag").endsWith("7.23.0-tag", "7.23-to-7.24", "7.24.0-tag");
        assertThat(appMigrations(url).load().info().pending()).as("the app's migrations since the previous release").isEmpty();
        List<String> changeLog = jdbc.queryForList("select id || exectype from databasechangelog order by orderexecuted",
                String.class);

        assertThat(install(url)).as("the hook runs before every upgrade").isZero();

        assertThat(jdbc.queryForList("select id || exectype from databasechangelog order by orderexecuted", String.class))
                .isEqualTo(changeLog);
        ProcessEngine engine = engine(url, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        try {
            assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentId(deployment).count())
                    .as("the previous release's deployment").isOne();
        } finally {
            engine.close();
        }
    }

    @Test
    void refusesCamundaTablesOlderThanTheChangelogKnows() {
        String url = TestDatabases.newPostgresDatabase("tooold");
        JdbcTemplate jdbc = jdbc(url);
        jdbc.execute("create table act_ge_schema_log (id_ varchar(64), timestamp_ timestamp, version_ varchar(255))");
        jdbc.update("insert into act_ge_schema_log values ('0', now(), '7.15.0')");

        assertThatThrownBy(() -> install(url)).hasStackTraceContaining("Camunda's tables are at 7.15");
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where table_name = 'act_ru_job'",
                Integer.class)).isZero();
    }

    @Test
    void refusesCamundaTablesNewerThanThisRelease() {
        String url = TestDatabases.newPostgresDatabase("toonew");
        JdbcTemplate jdbc = jdbc(url);
        jdbc.execute("create table act_ge_schema_log (id_ varchar(64), timestamp_ timestamp, version_ varchar(255))");
        jdbc.update("insert into act_ge_schema_log values ('0', now(), '7.25.0')");

        assertThatThrownBy(() -> install(url)).hasStackTraceContaining("Camunda's tables are at 7.25");
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where table_name = 'databasechangelog'",
                Integer.class)).as("an older release never marks a newer schema").isZero();
    }

    /** The last migration the previous release had (V20, before the deployment issue). */
    static final int PREVIOUS_RELEASES_MIGRATION = 19;

    /**
     * A database as the previous release left it: the engine made its own tables (schema-update, as the embedded
     * default and the tests still do) and holds the previous version's diagrams (test resources {@code
     * previous-version/}, as {@code UpgradeFromPreviousVersionIT} deploys them); Flyway stopped at that release's
     * last migration; and Camunda one minor version behind (7.23's schema is 7.24's, its schema log naming 7.23).
     */
    private static String previousRelease(String url) throws Exception {
        ProcessEngine engine = engine(url, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        String deployment;
        try {
            PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
            DeploymentBuilder builder = engine.getRepositoryService().createDeployment().name("previous version");
            for (Resource diagram : resources.getResources("classpath:previous-version/*.bpmn")) {
                builder.addInputStream("bpmn/" + diagram.getFilename(), diagram.getInputStream());
            }
            deployment = builder.deploy().getId();
        } finally {
            engine.close();
        }
        Flyway previous = appMigrations(url).target(String.valueOf(PREVIOUS_RELEASES_MIGRATION)).load();
        previous.migrate();
        assertThat(appMigrations(url).load().info().pending()).as("migrations the new release brings").isNotEmpty();
        jdbc(url).update("update act_ge_schema_log set version_ = '7.23.0' where version_ = '7.24.0'");
        return deployment;
    }

    /** The app's migrations as application.yml configures them, on PostgreSQL. */
    private static FluentConfiguration appMigrations(String url) {
        return Flyway.configure().dataSource(dataSource(url))
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .baselineOnMigrate(true).baselineVersion("0");
    }

    private static int install(String url) {
        return SchemaInstallation.run("--install-schema", "--spring.profiles.active=production",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + TestDatabases.POSTGRES_USER,
                "--spring.datasource.password=");
    }

    /** The app as the chart's Deployment starts it: production with Keycloak, secrets from the environment. */
    private static ConfigurableApplicationContext startProduction(String url) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + TestDatabases.POSTGRES_USER,
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=4",
                // Nothing to run yet; the job executor would only poll.
                "--camunda.bpm.job-execution.enabled=false",
                "--TOKENGOV_QA_API_URL=http://127.0.0.1:9/api/",
                "--TOKENGOV_PROD_API_URL=http://127.0.0.1:9/api/",
                "--TOKENGOV_SMTP_HOST=127.0.0.1",
                "--TOKENGOV_MAIL_FROM=redcap-api@example.org",
                "--TOKENGOV_TASKLIST_URL=https://tokens.example.org/camunda/app/tasklist/",
                "--TOKENGOV_AUDIT_KEY=audit-key-" + randomHex(),
                "--TOKENGOV_KEYCLOAK_URL=" + KeycloakTestServer.baseUrl(),
                "--TOKENGOV_KEYCLOAK_CLIENT_SECRET=" + KeycloakTestServer.clientSecret()));
        return new SpringApplicationBuilder(TokenGovernanceApplication.class).profiles("production", "keycloak")
                .run(args.toArray(String[]::new));
    }

    private static ProcessEngine engine(String url, String schemaUpdate) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        // The diagrams have a history time-to-live of their own; the engine's default is the app's.
        configuration.setHistoryTimeToLive("P2190D");
        return configuration.setProcessEngineName("schema-install-" + randomHex())
                .setJdbcUrl(url).setJdbcUsername(TestDatabases.POSTGRES_USER).setJdbcPassword("")
                .setDatabaseSchemaUpdate(schemaUpdate).setJobExecutorActivate(false)
                .buildProcessEngine();
    }

    private static JdbcTemplate jdbc(String url) {
        return new JdbcTemplate(dataSource(url));
    }

    private static PGSimpleDataSource dataSource(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(TestDatabases.POSTGRES_USER);
        return dataSource;
    }

    private static String randomHex() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
