package org.tokengov.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

/**
 * Writes what REDCap logs for its API calls (REDCAP-FACTS.md 2) into a REDCap database, as {@link ApiCallers} make
 * them: each project's rows in its own log table, in the order of their {@code ts} (REDCap's local wall-clock time, as
 * REDCap writes them), failed requests in {@code redcap_log_event} without a project; and, as REDCap does for every
 * API request, one PAGE_VIEW row per call in its request log {@code redcap_log_view}. Rows go in as multi-row INSERTs
 * of {@value #ROWS_PER_INSERT}, committed every {@value #ROWS_PER_COMMIT} rows; every value is the benchmark's own,
 * escaped for a MariaDB string literal.
 */
final class GeneratedApiLog {

    static final int ROWS_PER_INSERT = 2_000;
    static final int ROWS_PER_COMMIT = 50_000;
    private static final int SECONDS_A_DAY = 86_400;

    /** How much of a day's ordinary use falls in each hour: most in office hours (08–18), little at night. */
    private static final int[] HOURLY_WEIGHT = {1, 1, 1, 1, 1, 1, 3, 3, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 4, 4,
            4, 2, 2, 2};

    /** What a call did; its ordinal is kept in each generated event. */
    enum Kind {
        EXPORT_DATA("DATA_EXPORT", "Export data (API)", "record"),
        CREATE_RECORD("INSERT", "Create record (API)", "record"),
        UPDATE_RECORD("UPDATE", "Update record (API)", "record"),
        EXPORT_USERS("MANAGE", "Export users (API)", "user"),
        DATA_DICTIONARY("MANAGE", "Download data dictionary (API)", "metadata"),
        EXPORT_LOGGING("MANAGE", "Export Logging (API)", "log"),
        FAILED("ERROR", "Failed API request (invalid token)", "record");

        final String event;
        final String description;
        /** The request's {@code content}, as the request log names it. */
        final String content;

        Kind(String event, String description, String content) {
            this.event = event;
            this.description = description;
            this.content = content;
        }
    }

    static final String LOG_VIEW = "redcap_log_view";

    private static final Kind[] KINDS = Kind.values();

    private final ApiCallers callers;
    private final String jdbcUrl;
    private final String user;
    private final Random random;
    private final int[] cumulativeHourWeight = new int[24];

    GeneratedApiLog(ApiCallers callers, String jdbcUrl, String user, Random random) {
        this.callers = callers;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.random = random;
        int sum = 0;
        for (int hour = 0; hour < 24; hour++) {
            sum += HOURLY_WEIGHT[hour];
            cumulativeHourWeight[hour] = sum;
        }
    }

    /**
     * A whole day of calls: ordinary use, misuse and failed requests; returns the calls written (each a log_event row and
     * a request-log row).
     */
    long day(LocalDate day, long eventsPerDay) throws SQLException {
        Events events = new Events((int) Math.min(Integer.MAX_VALUE - 8, eventsPerDay + eventsPerDay / 10 + 1_000));
        boolean weekday = day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
        for (int t = 0; t < callers.tokens; t++) {
            for (int i = 0; i < callers.ordinaryCalls[t]; i++) {
                events.add(ordinarySecond(), t, ordinaryKind(callers.ordinaryCalls[t]));
            }
            switch (callers.roles[t]) {
                case POLLER -> {
                    int from = ApiCallers.POLL_FROM_HOUR * 3_600;
                    for (int s = from; s < from + ApiCallers.POLL_HOURS * 3_600; s += ApiCallers.POLL_SECONDS) {
                        events.add(s, t, Kind.EXPORT_DATA);
                    }
                }
                case PEAK_BULK_EXPORTER -> {
                    for (int i = 0; weekday && i < callers.bulkExports[t]; i++) {
                        events.add(10 * 3_600 + random.nextInt(3_600), t, Kind.EXPORT_DATA);
                    }
                }
                case OVER_DECLARED -> {
                    for (int i = 0; i < ApiCallers.OVERUSE; i++) {
                        events.add(8 * 3_600 + random.nextInt(10 * 3_600), t, Kind.UPDATE_RECORD);
                    }
                }
                default -> {
                }
            }
        }
        for (long i = ApiCallers.failedRequests(eventsPerDay); i > 0; i--) {
            events.add(ordinarySecond(), random.nextInt(callers.tokens), Kind.FAILED);
        }
        return write(day, events);
    }

    /** {@code count} ordinary calls between {@code fromSecond} and {@code toSecond} of the day (an increment). */
    long ordinaryCalls(LocalDate day, int fromSecond, int toSecond, int count) throws SQLException {
        long total = Arrays.stream(callers.ordinaryCalls).asLongStream().sum();
        Events events = new Events(count);
        while (events.size < count) {
            // A holder in proportion to their ordinary use.
            long pick = (long) (random.nextDouble() * total);
            int t = 0;
            while (pick >= callers.ordinaryCalls[t]) {
                pick -= callers.ordinaryCalls[t++];
            }
            events.add(fromSecond + random.nextInt(toSecond - fromSecond), t, ordinaryKind(callers.ordinaryCalls[t]));
        }
        return write(day, events);
    }

    private int ordinarySecond() {
        int pick = random.nextInt(cumulativeHourWeight[23]);
        int hour = 0;
        while (pick >= cumulativeHourWeight[hour]) {
            hour++;
        }
        return hour * 3_600 + random.nextInt(3_600);
    }

    /** At most about 100 record exports a day each: ordinary holders export in bulk at night, if at all. */
    private Kind ordinaryKind(int callsADay) {
        if (random.nextDouble() < Math.min(0.55, 100.0 / Math.max(1, callsADay))) {
            return Kind.EXPORT_DATA;
        }
        double other = random.nextDouble();
        return other < 0.60 ? Kind.UPDATE_RECORD : other < 0.75 ? Kind.CREATE_RECORD : other < 0.85 ? Kind.EXPORT_USERS
                : other < 0.95 ? Kind.DATA_DICTIONARY : Kind.EXPORT_LOGGING;
    }

    /** Events packed in longs (second of the day, holder, kind), so that a day of them sorts in a moment. */
    private static final class Events {
        long[] packed;
        int size;

        Events(int capacity) {
            packed = new long[Math.max(16, capacity)];
        }

        void add(int second, int token, Kind kind) {
            if (size == packed.length) {
                packed = Arrays.copyOf(packed, packed.length * 2);
            }
            packed[size++] = ((long) second << 36) | ((long) token << 4) | kind.ordinal();
        }
    }

    private long write(LocalDate day, Events events) throws SQLException {
        Arrays.sort(events.packed, 0, events.size);
        long dayTs = day.getYear() * 10_000_000_000L + day.getMonthValue() * 100_000_000L + day.getDayOfMonth() * 1_000_000L;
        Map<String, StringBuilder> pending = new HashMap<>();
        Map<String, Integer> pendingRows = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            long sinceCommit = 0;
            for (int i = 0; i < events.size; i++) {
                long event = events.packed[i];
                int second = (int) (event >>> 36);
                int token = (int) ((event >>> 4) & 0xFFFFFFFL);
                Kind kind = KINDS[(int) (event & 0xF)];
                if (second >= SECONDS_A_DAY) {
                    throw new IllegalStateException("A generated call outside its day: second " + second);
                }
                long ts = dayTs + (second / 3_600) * 10_000L + (second / 60 % 60) * 100L + second % 60;
                long project = kind == Kind.FAILED ? 0 : callers.project(token);
                String table = kind == Kind.FAILED ? "redcap_log_event" : ApiCallers.logTable(project);
                StringBuilder rows = pending.computeIfAbsent(table, any -> new StringBuilder(ROWS_PER_INSERT * 200));
                if (rows.length() > 0) {
                    rows.append(',');
                }
                row(rows, project, ts, token, kind, table);
                StringBuilder views = pending.computeIfAbsent(LOG_VIEW, any -> new StringBuilder(ROWS_PER_INSERT * 150));
                if (views.length() > 0) {
                    views.append(',');
                }
                viewRow(views, project, ts, token, kind);
                for (String written : new String[] {table, LOG_VIEW}) {
                    int count = pendingRows.merge(written, 1, Integer::sum);
                    if (count == ROWS_PER_INSERT) {
                        insert(statement, written, pending.get(written));
                        pendingRows.put(written, 0);
                        sinceCommit += count;
                    }
                }
                if (sinceCommit >= ROWS_PER_COMMIT) {
                    connection.commit();
                    sinceCommit = 0;
                }
            }
            for (Map.Entry<String, StringBuilder> rows : pending.entrySet()) {
                if (rows.getValue().length() > 0) {
                    insert(statement, rows.getKey(), rows.getValue());
                }
            }
            connection.commit();
        }
        return events.size;
    }

    private static void insert(Statement statement, String table, StringBuilder rows) throws SQLException {
        statement.executeUpdate("INSERT INTO " + table + (LOG_VIEW.equals(table)
                ? " (ts, user, event, ip, page, project_id, miscellaneous) VALUES "
                : " (project_id, ts, user, ip, page, event, object_type, pk, event_id, data_values, description) VALUES ")
                + rows);
        rows.setLength(0);
    }

    /**
     * The call's request-log row (REDCAP-FACTS.md 2): at the same moment as its log_event row, the token redacted; a
     * failed request (an invalid token) names neither user nor project.
     */
    private static void viewRow(StringBuilder sql, long project, long ts, int token, Kind kind) {
        boolean failed = kind == Kind.FAILED;
        String at = String.format(java.util.Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d", ts / 10_000_000_000L, ts / 100_000_000L % 100,
                ts / 1_000_000L % 100, ts / 10_000L % 100, ts / 100L % 100, ts % 100);
        sql.append("('").append(at).append("',");
        literal(sql, failed ? null : ApiCallers.username(token)).append(",'PAGE_VIEW',");
        literal(sql, "10." + (token >> 16 & 0xFF) + "." + (token >> 8 & 0xFF) + "." + (token & 0xFF))
                .append(",'api/index.php',").append(failed ? "NULL" : String.valueOf(project)).append(',');
        literal(sql, "// API Request: content = '" + kind.content + "'; format = 'json'; token = '<redacted>'").append(')');
    }

    /** One row as REDCap's logEvent writes it for the call (REDCAP-FACTS.md 2). */
    private void row(StringBuilder sql, long project, long ts, int token, Kind kind, String table) {
        String user = kind == Kind.FAILED ? null : ApiCallers.username(token);
        String ip = "10." + (token >> 16 & 0xFF) + "." + (token >> 8 & 0xFF) + "." + (token & 0xFF);
        String record = String.valueOf(1 + random.nextInt(5_000));
        String objectType = null;
        String pk = null;
        Long eventId = null;
        String dataValues;
        switch (kind) {
            case EXPORT_DATA -> {
                objectType = "redcap_data";
                dataValues = "{\"export_format\":\"json\",\"rawOrLabel\":\"raw\"}";
            }
            case CREATE_RECORD, UPDATE_RECORD -> {
                objectType = "redcap_data";
                pk = record;
                eventId = 40L + project % 7;
                dataValues = "record_id = '" + record + "',\nvisit_date = '2026-03-" + (10 + random.nextInt(18))
                        + "',\nweight_kg = '" + (50 + random.nextInt(60)) + "',\nsmoker = '" + random.nextInt(2) + "'";
            }
            case EXPORT_USERS, EXPORT_LOGGING, DATA_DICTIONARY -> {
                objectType = kind == Kind.EXPORT_USERS ? "redcap_user_rights"
                        : kind == Kind.EXPORT_LOGGING ? table : "redcap_metadata";
                pk = String.valueOf(project);
                dataValues = "project_id = " + project;
            }
            default -> {
                // REDCap keeps the raw POST of a failed request, token included: a value no one holds here.
                byte[] value = new byte[16];
                random.nextBytes(value);
                dataValues = "token=" + HexFormat.of().withUpperCase().formatHex(value)
                        + "&content=record&format=json&type=flat";
            }
        }
        sql.append('(').append(project).append(',').append(ts).append(',');
        literal(sql, user).append(',');
        literal(sql, ip).append(",'api/index.php',");
        literal(sql, kind.event).append(',');
        literal(sql, objectType).append(',');
        literal(sql, pk).append(',').append(eventId).append(',');
        literal(sql, dataValues).append(',');
        literal(sql, kind.description).append(')');
    }

    private static StringBuilder literal(StringBuilder sql, String value) {
        if (value == null) {
            return sql.append("NULL");
        }
        return sql.append('\'').append(value.replace("\\", "\\\\").replace("'", "''")).append('\'');
    }
}
