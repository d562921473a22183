package org.tokengov.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringResourceAccessor;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Camunda's engine tables, installed and upgraded with the Liquibase changelog Camunda ships in its engine jar. A
 * database whose engine tables were made without Liquibase (the engine's own schema-update, or Camunda's SQL scripts,
 * as before this step existed) is first marked as being at the version its {@code ACT_GE_SCHEMA_LOG} names, as
 * Camunda's guide for moving to Liquibase says, so that only the later upgrade scripts run.
 */
final class EngineSchema {

    /** Recorded in DATABASECHANGELOG with every change set: it must stay the same from release to release. */
    static final String CHANGELOG = "org/camunda/bpm/engine/db/liquibase/camunda-changelog.xml";

    /** The first version Camunda's changelog knows (its baseline). */
    private static final Version FIRST_IN_CHANGELOG = new Version(7, 16);

    private static final Logger log = LoggerFactory.getLogger(EngineSchema.class);

    private final DataSource dataSource;

    EngineSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void installOrUpgrade() throws SQLException, LiquibaseException {
        Version engine = Version.parse(ProductPropertiesUtil.getProductVersion());
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase(CHANGELOG, new SpringResourceAccessor(new DefaultResourceLoader()), database);
            if (hasTable(connection, "ACT_GE_SCHEMA_LOG") && !hasTable(connection, database.getDatabaseChangeLogTableName())) {
                Version found = installedVersion(connection).orElseThrow(() -> new IllegalStateException(
                        "Camunda's tables exist but ACT_GE_SCHEMA_LOG names no version: upgrade them by hand"));
                if (found.compareTo(FIRST_IN_CHANGELOG) < 0 || found.compareTo(engine) > 0) {
                    throw new IllegalStateException("Camunda's tables are at " + found + "; this step upgrades from "
                            + FIRST_IN_CHANGELOG + " up to " + engine + " only");
                }
                log.info("Camunda's tables at {} were made without Liquibase: marking the changelog up to {}", found, found.tag());
                liquibase.changeLogSync(found.tag(), new Contexts(), new LabelExpression());
            }
            liquibase.update(new Contexts(), new LabelExpression());
            log.info("Camunda's tables are at {}", installedVersion(connection).orElseThrow());
        }
    }

    private static boolean hasTable(Connection connection, String name) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String spelling : List.of(name, name.toLowerCase(), name.toUpperCase())) {
            try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), spelling, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The highest minor version in Camunda's schema log (patch levels bring no schema change of their own here). */
    private static Optional<Version> installedVersion(Connection connection) throws SQLException {
        List<Version> versions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select VERSION_ from ACT_GE_SCHEMA_LOG")) {
            while (rows.next()) {
                versions.add(Version.parse(rows.getString(1)));
            }
        }
        return versions.stream().max(Comparator.naturalOrder());
    }

    record Version(int major, int minor) implements Comparable<Version> {

        static Version parse(String text) {
            String[] parts = text.split("[.-]");
            return new Version(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        }

        /** The tag Camunda's changelog sets after each minor version's change sets. */
        String tag() {
            return major + "." + minor + ".0";
        }

        @Override
        public int compareTo(Version other) {
            return Comparator.comparingInt(Version::major).thenComparingInt(Version::minor).compare(this, other);
        }

        @Override
        public String toString() {
            return major + "." + minor;
        }
    }
}
