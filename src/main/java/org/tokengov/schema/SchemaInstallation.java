package org.tokengov.schema;

import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The install and upgrade step ({@code java -jar redcap-token-governance.jar --install-schema}, the Helm chart's
 * pre-install and pre-upgrade Job): against the datasource the app would use, with the same profiles and settings,
 * Camunda's engine tables first, then the app's Flyway migrations; then it exits. Only the datasource and Flyway are
 * started: no engine, web server or scheduler, so it runs while the previous release's replicas keep working. Not a
 * {@code @Configuration}: the app's component scan must never pick it up.
 */
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
public class SchemaInstallation {

    public static final String FLAG = "--install-schema";

    /** Installs or upgrades, and returns the exit code (any failure is thrown, so the Job fails and Helm stops). */
    public static int run(String... args) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SchemaInstallation.class)
                .web(WebApplicationType.NONE)
                .run(args);
        return SpringApplication.exit(context);
    }

    /** Flyway's migration waits for the engine's tables, so that the app's migrations may rely on them. */
    @Bean
    FlywayMigrationStrategy engineTablesThenAppTables(DataSource dataSource) {
        return flyway -> {
            try {
                new EngineSchema(dataSource).installOrUpgrade();
            } catch (Exception e) {
                throw new IllegalStateException("Camunda's tables could not be installed or upgraded", e);
            }
            flyway.migrate();
        };
    }
}
