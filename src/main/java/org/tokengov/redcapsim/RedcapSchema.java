package org.tokengov.redcapsim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Creates REDCap's tables where they are missing and adds the columns a database made by an older simulator lacks;
 * running it again changes nothing. Columns are found through the JDBC metadata of an empty query, which MariaDB,
 * MySQL and H2 all answer (MySQL has no {@code ADD COLUMN IF NOT EXISTS}).
 */
final class RedcapSchema {

    private static final ClassPathResource DDL = new ClassPathResource("redcapsim/schema.sql");
    private static final ClassPathResource LOG_TABLE_DDL = new ClassPathResource("redcapsim/log-event-table.sql");

    /** What the first simulator's tables lacked; everything else of theirs is as REDCap has it. */
    private static final List<Column> ADDED_SINCE_FIRST_VERSION = List.of(
            // The first version keyed people by username; REDCap's key is ui_id (auto-numbered, so it must be a key).
            new Column("redcap_user_information", "ui_id", "INT NOT NULL AUTO_INCREMENT UNIQUE"),
            new Column("redcap_user_information", "user_expiration", "DATETIME NULL"),
            new Column("redcap_user_information", "api_token_auto_request", "TINYINT NOT NULL DEFAULT 0"),
            new Column("redcap_user_information", "allow_create_db", "INT NOT NULL DEFAULT 1"),
            new Column("redcap_projects", "creation_time", "DATETIME NULL"),
            new Column("redcap_projects", "production_time", "DATETIME NULL"),
            new Column("redcap_projects", "inactive_time", "DATETIME NULL"),
            new Column("redcap_projects", "completed_time", "DATETIME NULL"),
            new Column("redcap_projects", "completed_by", "VARCHAR(100) NULL"),
            new Column("redcap_projects", "date_deleted", "DATETIME NULL"),
            new Column("redcap_projects", "log_event_table", "VARCHAR(20) NOT NULL DEFAULT 'redcap_log_event'"),
            new Column("redcap_projects", "online_offline", "INT NOT NULL DEFAULT 1"),
            new Column("redcap_projects", "project_contact_email", "TEXT NULL"),
            new Column("redcap_projects", "project_contact_name", "TEXT NULL"),
            new Column("redcap_projects", "project_pi_firstname", "VARCHAR(255) NULL"),
            new Column("redcap_projects", "project_pi_mi", "VARCHAR(255) NULL"),
            new Column("redcap_projects", "project_pi_lastname", "VARCHAR(255) NULL"),
            new Column("redcap_projects", "project_pi_email", "VARCHAR(255) NULL"),
            new Column("redcap_projects", "project_pi_alias", "VARCHAR(255) NULL"),
            new Column("redcap_projects", "project_pi_username", "VARCHAR(255) NULL"),
            new Column("redcap_projects", "require_change_reason", "INT NOT NULL DEFAULT 0"),
            new Column("redcap_projects", "last_logged_event", "DATETIME NULL"),
            new Column("redcap_user_rights", "role_id", "INT NULL"),
            new Column("redcap_user_rights", "group_id", "INT NULL"),
            new Column("redcap_user_rights", "design", "INT NOT NULL DEFAULT 0"),
            new Column("redcap_user_rights", "data_export_tool", "TINYINT NULL"),
            new Column("redcap_user_rights", "data_export_instruments", "TEXT NULL"),
            new Column("redcap_user_rights", "data_entry", "TEXT NULL"),
            new Column("redcap_user_rights", "record_delete", "INT NOT NULL DEFAULT 0"),
            new Column("redcap_user_rights", "api_modules", "INT NOT NULL DEFAULT 0"),
            new Column("redcap_user_rights", "mobile_app_download_data", "INT NOT NULL DEFAULT 0"),
            new Column(LogTables.DEFAULT, "ip", "VARCHAR(100) NULL"),
            new Column(LogTables.DEFAULT, "sql_log", "MEDIUMTEXT NULL"),
            new Column(LogTables.DEFAULT, "event_id", "INT NULL"),
            new Column(LogTables.DEFAULT, "data_values", "TEXT NULL"),
            new Column(LogTables.DEFAULT, "legacy", "INT NOT NULL DEFAULT 0"),
            new Column(LogTables.DEFAULT, "change_reason", "TEXT NULL"));

    private RedcapSchema() {
    }

    static void createIfAbsent(DataSource dataSource) {
        new ResourceDatabasePopulator(DDL).execute(dataSource);
        String logTable = read(LOG_TABLE_DDL);
        for (String table : LogTables.ALL) {
            String ddl = logTable.replace("${table}", table).replace("${index}", table.substring("redcap_".length()));
            new ResourceDatabasePopulator(new ByteArrayResource(ddl.getBytes(StandardCharsets.UTF_8))).execute(dataSource);
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (Column column : ADDED_SINCE_FIRST_VERSION) {
                if (!columnsOf(statement, column.table()).contains(column.name())) {
                    statement.execute("ALTER TABLE " + column.table() + " ADD COLUMN " + column.name() + " "
                            + column.definition());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not bring the REDCap simulator's schema up to date", e);
        }
    }

    /** Lower-case names: H2 reports unquoted names in upper case, MariaDB as written. */
    private static Set<String> columnsOf(Statement statement, String table) throws SQLException {
        Set<String> columns = new TreeSet<>();
        try (ResultSet empty = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData metadata = empty.getMetaData();
            for (int i = 1; i <= metadata.getColumnCount(); i++) {
                columns.add(metadata.getColumnName(i).toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    private static String read(ClassPathResource resource) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read " + resource.getPath(), e);
        }
    }

    private record Column(String table, String name, String definition) {
    }
}
