package org.tokengov.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Creates throw-away databases on the machine's real PostgreSQL and MariaDB servers and drops them
 * when the test JVM ends, so tests leave nothing shared behind.
 */
public final class TestDatabases {

    public static final String POSTGRES_HOST = System.getProperty("test.postgres.host", "127.0.0.1:5432");
    public static final String MARIADB_HOST = System.getProperty("test.mariadb.host", "127.0.0.1:3306");
    public static final String POSTGRES_USER = System.getProperty("test.postgres.user", "postgres");
    public static final String MARIADB_USER = System.getProperty("test.mariadb.user", "root");

    private TestDatabases() {
    }

    /** A new, empty PostgreSQL database; returns its JDBC URL. User {@link #POSTGRES_USER}, no password (trust auth). */
    public static String newPostgresDatabase(String prefix) {
        String name = uniqueName(prefix);
        String admin = "jdbc:postgresql://" + POSTGRES_HOST + "/postgres";
        execute(admin, POSTGRES_USER, "CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // The app's shutdown hook closes its connection pool at the same time; dropping by force first would
            // leave the pool retrying against a vanished database until the JVM is killed.
            for (int attempt = 0; attempt < 40; attempt++) {
                if (executeQuietly(admin, POSTGRES_USER, "DROP DATABASE IF EXISTS " + name)) {
                    return;
                }
                pause();
            }
            executeQuietly(admin, POSTGRES_USER, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }));
        return "jdbc:postgresql://" + POSTGRES_HOST + "/" + name;
    }

    /** A new, empty MariaDB database; returns its JDBC URL. User {@link #MARIADB_USER}, empty password. */
    public static String newMariaDbDatabase(String prefix) {
        String name = uniqueName(prefix);
        String admin = "jdbc:mariadb://" + MARIADB_HOST + "/";
        execute(admin, MARIADB_USER, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                executeQuietly(admin, MARIADB_USER, "DROP DATABASE IF EXISTS " + name)));
        return "jdbc:mariadb://" + MARIADB_HOST + "/" + name;
    }

    private static String uniqueName(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static void execute(String url, String user, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + url + ": is the server running?", e);
        }
    }

    private static boolean executeQuietly(String url, String user, String sql) {
        try {
            execute(url, user, sql);
            return true;
        } catch (IllegalStateException stillInUse) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
