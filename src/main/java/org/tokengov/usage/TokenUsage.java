package org.tokengov.usage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapProperties;
import org.tokengov.registry.IssuedToken;

/**
 * What tokens did, as counted from REDCap's log up to the last catch-up: per token (its user, project and environment
 * from its issue on), per minute for the rules, per hour for people. Hours of day and of the week are REDCap's own
 * (its server's time zone), as the policy's peak hours are.
 */
@Service
public class TokenUsage {

    private final JdbcTemplate jdbc;
    private final RedcapProperties servers;
    private final UsageProperties properties;

    TokenUsage(JdbcTemplate jdbc, RedcapProperties servers, UsageProperties properties) {
        this.jdbc = jdbc;
        this.servers = servers;
        this.properties = properties;
    }

    /** REDCap's time zone for an environment. */
    public ZoneId zone(RedcapEnvironment environment) {
        return servers.server(environment).timeZone();
    }

    /** The token's use from {@code from} (or its issue, if later) until {@code to}. */
    public UsageSummary summary(IssuedToken token, Instant from, Instant to) {
        Instant start = token.issuedAt() != null && token.issuedAt().isAfter(from) ? token.issuedAt() : from;
        return summary(UsageKey.of(token), start, to);
    }

    public UsageSummary summary(UsageKey key, Instant from, Instant to) {
        ZoneId zone = zone(key.environment());
        UsageCounts counts = UsageCounts.NONE;
        long busiest = 0;
        Instant busiestAt = null;
        long[] byHour = new long[24];
        Set<LocalDate> days = new HashSet<>();
        Instant lastHour = null;
        for (HourCount hour : hours(key, from, to)) {
            counts = counts.plus(hour.counts());
            if (hour.busiestMinuteCalls() > busiest) {
                busiest = hour.busiestMinuteCalls();
                busiestAt = hour.busiestMinuteAt();
            }
            ZonedDateTime local = hour.hour().atZone(zone);
            byHour[local.getHour()] += hour.counts().calls();
            days.add(local.toLocalDate());
            lastHour = hour.hour();
        }
        return new UsageSummary(from, to, counts, busiest, busiestAt, byHour, lastCall(key, lastHour), days.size(), zone);
    }

    /** The newest minute with calls within the last hour that had any: to the minute, while minutes are kept. */
    private Instant lastCall(UsageKey key, Instant lastHour) {
        if (lastHour == null) {
            return null;
        }
        List<Timestamp> newest = jdbc.queryForList("select max(minute_start) from api_usage_minute where environment = ?"
                        + " and project_id = ? and username = ? and minute_start >= ? and minute_start < ?", Timestamp.class,
                key.environment().name(), key.projectId(), key.username(), Timestamp.from(lastHour),
                Timestamp.from(lastHour.plus(1, ChronoUnit.HOURS)));
        return newest.isEmpty() || newest.get(0) == null ? lastHour : newest.get(0).toInstant();
    }

    /** Hours with calls whose start is in [from, to), oldest first. */
    public List<HourCount> hours(UsageKey key, Instant from, Instant to) {
        return jdbc.query("select hour_start, calls, record_exports, other_exports, imports, file_downloads,"
                        + " busiest_minute_calls, busiest_minute_at from api_usage_hour where environment = ?"
                        + " and project_id = ? and username = ? and hour_start >= ? and hour_start < ? order by hour_start",
                (rs, row) -> new HourCount(rs.getTimestamp(1).toInstant(), ApiCallCounts.counts(rs, 2), rs.getLong(7),
                        rs.getTimestamp(8).toInstant()),
                key.environment().name(), key.projectId(), key.username(),
                Timestamp.from(from.truncatedTo(ChronoUnit.HOURS)), Timestamp.from(to));
    }

    /** Every user's minutes in [from, to) with at least {@code minCalls} calls, oldest first: what polling looks like. */
    public Map<UsageKey, List<MinuteCount>> busyMinutes(Instant from, Instant to, int minCalls) {
        Map<UsageKey, List<MinuteCount>> minutes = new LinkedHashMap<>();
        jdbc.query("select environment, project_id, username, minute_start, calls, record_exports, other_exports, imports,"
                        + " file_downloads from api_usage_minute where minute_start >= ? and minute_start < ? and calls >= ?"
                        + " order by environment, project_id, username, minute_start",
                (RowCallbackHandler) rs -> minutes.computeIfAbsent(key(rs), any -> new ArrayList<>())
                        .add(new MinuteCount(rs.getTimestamp(4).toInstant(), ApiCallCounts.counts(rs, 5))),
                Timestamp.from(from), Timestamp.from(to), minCalls);
        return minutes;
    }

    /**
     * Every user's hours whose start is in [from, to), oldest first; with {@code recordExportsOnly}, only the hours with
     * a record export.
     */
    public Map<UsageKey, List<HourCount>> hoursOfEveryone(Instant from, Instant to, boolean recordExportsOnly) {
        Map<UsageKey, List<HourCount>> hours = new LinkedHashMap<>();
        jdbc.query("select environment, project_id, username, hour_start, calls, record_exports, other_exports, imports,"
                        + " file_downloads, busiest_minute_calls, busiest_minute_at from api_usage_hour"
                        + " where hour_start >= ? and hour_start < ?" + (recordExportsOnly ? " and record_exports > 0" : "")
                        + " order by environment, project_id, username, hour_start",
                (RowCallbackHandler) rs -> hours.computeIfAbsent(key(rs), any -> new ArrayList<>())
                        .add(new HourCount(rs.getTimestamp(4).toInstant(), ApiCallCounts.counts(rs, 5), rs.getLong(10),
                                rs.getTimestamp(11).toInstant())),
                Timestamp.from(from.truncatedTo(ChronoUnit.HOURS)), Timestamp.from(to));
        return hours;
    }

    private static UsageKey key(ResultSet rs) throws SQLException {
        return new UsageKey(RedcapEnvironment.valueOf(rs.getString(1)), rs.getLong(2), rs.getString(3));
    }

    /** Everyone who called in [from, to), with their counts, busiest first. */
    public Map<UsageKey, UsageCounts> callers(Instant from, Instant to) {
        return callers(from, to, null);
    }

    /** Who called in [from, to), busiest first: everyone, or only {@code username}'s calls when it is given. */
    public Map<UsageKey, UsageCounts> callers(Instant from, Instant to, String username) {
        List<Map.Entry<UsageKey, UsageCounts>> found = new ArrayList<>();
        List<Object> parameters = new ArrayList<>(List.of(Timestamp.from(from.truncatedTo(ChronoUnit.HOURS)),
                Timestamp.from(to)));
        if (username != null) {
            parameters.add(username);
        }
        jdbc.query("select environment, project_id, username, sum(calls), sum(record_exports), sum(other_exports),"
                        + " sum(imports), sum(file_downloads) from api_usage_hour where hour_start >= ? and hour_start < ?"
                        + (username == null ? "" : " and username = ?") + " group by environment, project_id, username",
                (RowCallbackHandler) rs -> found.add(Map.entry(key(rs), ApiCallCounts.counts(rs, 4))),
                parameters.toArray());
        Map<UsageKey, UsageCounts> busiestFirst = new LinkedHashMap<>();
        found.stream().sorted(Comparator.comparing((Map.Entry<UsageKey, UsageCounts> e) -> e.getValue().calls()).reversed()
                        .thenComparing(e -> e.getKey().username()))
                .forEach(e -> busiestFirst.put(e.getKey(), e.getValue()));
        return busiestFirst;
    }

    /**
     * All calls in [from, to) by hour of the week in REDCap's time: index {@code (dayOfWeek - 1) * 24 + hour}, Monday
     * 00:00 first.
     */
    public long[] callsByHourOfWeek(Instant from, Instant to) {
        long[] week = new long[7 * 24];
        jdbc.query("select environment, hour_start, sum(calls) from api_usage_hour where hour_start >= ? and hour_start < ?"
                        + " group by environment, hour_start",
                (RowCallbackHandler) rs -> {
                    ZonedDateTime local = rs.getTimestamp(2).toInstant()
                            .atZone(zone(RedcapEnvironment.valueOf(rs.getString(1))));
                    week[hourOfWeek(local.getDayOfWeek(), local.getHour())] += rs.getLong(3);
                },
                Timestamp.from(from.truncatedTo(ChronoUnit.HOURS)), Timestamp.from(to));
        return week;
    }

    public static int hourOfWeek(DayOfWeek day, int hour) {
        return (day.getValue() - 1) * 24 + hour;
    }

    /** Drops minutes and hours older than their retention; returns how many rows went. */
    public int prune(Instant now) {
        int minutes = jdbc.update("delete from api_usage_minute where minute_start < ?",
                Timestamp.from(now.minus(properties.minuteRetention())));
        int hours = jdbc.update("delete from api_usage_hour where hour_start < ?",
                Timestamp.from(now.minus(properties.hourRetention())));
        return minutes + hours;
    }
}
