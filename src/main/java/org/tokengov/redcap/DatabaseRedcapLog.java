package org.tokengov.redcap;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * REDCap's log tables read by SQL (database mode): a project's rows from the table its
 * {@code redcap_projects.log_event_table} names, and the rows without a project ({@code project_id} 0 in
 * {@code redcap_log_event}: super-token rows, and failed requests REDCap logs without a project), and the API requests
 * of REDCap's request log ({@code redcap_log_view}), each after an id and in id order, a bounded batch at a time. Every text column is scrubbed of token values as it is read
 * ({@link TokenValuesInText}); no value leaves this class. Takes no rate-budget permits: SQL does not reach REDCap's
 * HTTP rate limiter.
 */
@Component
public class DatabaseRedcapLog {

    /** REDCap's request log: a row per page or API request, in every project. */
    public static final String LOG_VIEW = "redcap_log_view";
    private static final String API_PAGE = "api/index.php";

    /** Qualified as e.user: unqualified, H2 reads user as the session user. */
    private static final String COLUMNS =
            "e.log_event_id, e.project_id, e.ts, e.user, e.page, e.event, e.object_type, e.pk, e.description, e.data_values";

    private final RedcapProperties properties;
    private final RedcapDatabases databases;
    /**
     * Each project's log table, once found: REDCap assigns it when the project is created and never moves it, so a
     * catch-up of many projects does not ask for it every time.
     */
    private final Map<RedcapEnvironment, Map<Long, String>> logTables = new ConcurrentHashMap<>();

    public DatabaseRedcapLog(RedcapProperties properties, DatabaseTokenAdministration administration) {
        this.properties = properties;
        this.databases = administration.databases();
    }

    /** Whether the environment's REDCap database is there to read (database mode). */
    public boolean readable(RedcapEnvironment environment) {
        RedcapProperties.Server server = properties.environments().get(environment);
        return server != null && server.tokenAdministration() == TokenAdministrationMode.DATABASE;
    }

    /** The project's rows with an id above {@code afterId}, oldest first, at most {@code limit}. */
    public List<RedcapLogRow> projectRowsAfter(RedcapEnvironment environment, long projectId, long afterId, int limit) {
        if (projectId <= 0) {
            throw new IllegalArgumentException("A REDCap project id is positive, not " + projectId);
        }
        return databases.read(environment, "read project " + projectId + "'s log", connection -> {
            String table = logTable(environment, connection, projectId);
            return rows(connection, table, "SELECT " + COLUMNS + " FROM " + table + " e"
                    + " WHERE e.project_id = ? AND e.log_event_id > ? ORDER BY e.log_event_id", projectId, afterId, limit);
        });
    }

    /**
     * The rows without a project that concern tokens, with an id above {@code afterId}, oldest first, at most
     * {@code limit}: super-token rows ({@code redcap_user_information}) and failed API requests (event ERROR, whose
     * {@code data_values} hold the request's token). The Control Center's second row of a project token's creation
     * is left out: the project's own row tells it.
     */
    public List<RedcapLogRow> rowsWithoutProjectAfter(RedcapEnvironment environment, long afterId, int limit) {
        return databases.read(environment, "read the log rows without a project", connection -> rows(connection,
                RedcapLogTables.DEFAULT, "SELECT " + COLUMNS + " FROM " + RedcapLogTables.DEFAULT + " e"
                        + " WHERE e.project_id = ? AND e.log_event_id > ?"
                        + " AND (e.object_type = 'redcap_user_information' OR e.event = 'ERROR')"
                        + " ORDER BY e.log_event_id", 0, afterId, limit));
    }

    /**
     * REDCap's request log ({@code redcap_log_view}, one table for all projects): the API requests
     * ({@code page = 'api/index.php'}) of the given projects with a {@code log_view_id} above {@code afterId}, oldest
     * first, at most {@code limit}. A row comes as a {@link RedcapLogRow} of table {@value #LOG_VIEW}: event
     * {@code PAGE_VIEW}, the request's {@code miscellaneous} text (content, format, the token redacted) as details.
     */
    public List<RedcapLogRow> apiRequestsAfter(RedcapEnvironment environment, Collection<Long> projectIds, long afterId,
            int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("A batch holds at least one row");
        }
        if (projectIds.isEmpty()) {
            return List.of();
        }
        String projects = String.join(", ", Collections.nCopies(projectIds.size(), "?"));
        return databases.read(environment, "read the API requests in " + LOG_VIEW, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT v.log_view_id, v.project_id, v.ts,"
                    + " v.user, v.page, v.event, v.miscellaneous FROM " + LOG_VIEW + " v WHERE v.log_view_id > ?"
                    + " AND v.page = '" + API_PAGE + "' AND v.project_id IN (" + projects + ") ORDER BY v.log_view_id")) {
                select.setMaxRows(limit);
                select.setLong(1, afterId);
                int parameter = 2;
                for (long projectId : projectIds) {
                    select.setLong(parameter++, projectId);
                }
                List<RedcapLogRow> rows = new ArrayList<>();
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.add(apiRequest(result));
                    }
                }
                return rows;
            }
        });
    }

    private static RedcapLogRow apiRequest(ResultSet result) throws SQLException {
        LocalDateTime at = result.getObject(3, LocalDateTime.class);
        if (at == null) {
            throw new RedcapException(LOG_VIEW + " row " + result.getLong(1) + " has no ts");
        }
        Set<TokenFingerprint> values = new LinkedHashSet<>();
        String[] texts = new String[4];
        for (int column = 4; column <= 7; column++) {
            TokenValuesInText.Scrubbed scrubbed = TokenValuesInText.scrub(result.getString(column));
            values.addAll(scrubbed.tokenValues());
            texts[column - 4] = scrubbed.text();
        }
        return new RedcapLogRow(result.getLong(1), LOG_VIEW, result.getLong(2), at, texts[0], texts[1], texts[2], null,
                null, null, texts[3], values);
    }

    private String logTable(RedcapEnvironment environment, Connection connection, long projectId) throws SQLException {
        Map<Long, String> known = logTables.computeIfAbsent(environment, any -> new ConcurrentHashMap<>());
        String table = known.get(projectId);
        if (table != null) {
            return table;
        }
        Optional<String> assigned = RedcapLogTables.ofProject(connection, projectId);
        assigned.ifPresent(name -> known.put(projectId, name));
        return assigned.orElse(RedcapLogTables.DEFAULT);
    }

    private static List<RedcapLogRow> rows(Connection connection, String table, String sql, long projectId, long afterId,
            int limit) throws SQLException {
        if (limit <= 0) {
            throw new IllegalArgumentException("A batch holds at least one row");
        }
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setMaxRows(limit);
            select.setLong(1, projectId);
            select.setLong(2, afterId);
            List<RedcapLogRow> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(row(table, result));
                }
            }
            return rows;
        }
    }

    private static RedcapLogRow row(String table, ResultSet result) throws SQLException {
        Set<TokenFingerprint> values = new LinkedHashSet<>();
        String[] texts = new String[7];
        for (int column = 4; column <= 10; column++) {
            TokenValuesInText.Scrubbed scrubbed = TokenValuesInText.scrub(result.getString(column));
            values.addAll(scrubbed.tokenValues());
            texts[column - 4] = scrubbed.text();
        }
        return new RedcapLogRow(result.getLong(1), table, result.getLong(2), timestamp(result.getLong(3), result),
                texts[0], texts[1], texts[2], texts[3], texts[4], texts[5], texts[6], values);
    }

    /**
     * {@code ts} is YYYYMMDDhhmmss in REDCap's local time; a row without one is not REDCap's. Taken apart by arithmetic
     * (a formatter per row cost a tenth of a catch-up's time), as strictly: 14 digits, a real date and time.
     */
    private static LocalDateTime timestamp(long ts, ResultSet result) throws SQLException {
        if (ts < 10_000_101_000_000L || ts > 99_991_231_235_959L) {
            throw notATimestamp(ts, result);
        }
        try {
            return LocalDateTime.of((int) (ts / 10_000_000_000L), (int) (ts / 100_000_000L % 100),
                    (int) (ts / 1_000_000L % 100), (int) (ts / 10_000L % 100), (int) (ts / 100L % 100), (int) (ts % 100));
        } catch (DateTimeException e) {
            throw notATimestamp(ts, result);
        }
    }

    private static RedcapException notATimestamp(long ts, ResultSet result) throws SQLException {
        return new RedcapException("Log row " + result.getLong(1) + " has a ts that is not YYYYMMDDhhmmss: " + ts);
    }

    @Override
    public String toString() {
        return "DatabaseRedcapLog" + databases;
    }
}
