package org.tokengov.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Looks for secret values in every table of the app's PostgreSQL schema (the app's own tables and Camunda's
 * {@code ACT_*}): each row as text, in any case; the hex form of the value, as a byte array column shows as text; and
 * every byte array column's bytes decoded as UTF-8 (Camunda's serialized variables, exception stack traces).
 */
public final class SecretsInDatabase {

    private final JdbcTemplate jdbc;

    public SecretsInDatabase(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The base tables searched, lower case. */
    public List<String> tables() {
        return jdbc.queryForList("select table_name from information_schema.tables where table_schema = current_schema()"
                + " and table_type = 'BASE TABLE' order by table_name", String.class);
    }

    /** Where any of the values is found, one line per table, column and form; empty if nowhere. */
    public List<String> findings(Collection<String> secrets) {
        List<String> found = new ArrayList<>();
        for (String table : tables()) {
            List<String> byteColumns = jdbc.queryForList("select column_name from information_schema.columns"
                    + " where table_schema = current_schema() and table_name = ? and data_type = 'bytea'", String.class, table);
            for (String secret : secrets) {
                String upper = secret.toUpperCase(Locale.ROOT);
                String lower = secret.toLowerCase(Locale.ROOT);
                if (rowsWhere(table, "t::text ilike ?", "%" + secret + "%") > 0) {
                    found.add(table + ": a row holds " + named(secret));
                }
                if (rowsWhere(table, "t::text ilike ? or t::text ilike ?", "%" + hex(upper) + "%", "%" + hex(lower) + "%") > 0) {
                    found.add(table + ": a row holds the hex form of " + named(secret));
                }
                for (String column : byteColumns) {
                    String in = "position(convert_to(?, 'UTF8') in t.\"" + column + "\") > 0";
                    if (rowsWhere(table, in + " or " + in, upper, lower) > 0) {
                        found.add(table + "." + column + ": bytes hold " + named(secret));
                    }
                }
            }
        }
        return found;
    }

    /** How a finding names a secret: its first characters only, so a failing test does not print it whole. */
    public static String named(String secret) {
        return "secret " + secret.substring(0, Math.min(6, secret.length())) + "…";
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    private long rowsWhere(String table, String condition, Object... arguments) {
        return jdbc.queryForObject("select count(*) from \"" + table + "\" t where " + condition, Long.class, arguments);
    }
}
