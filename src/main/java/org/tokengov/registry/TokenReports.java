package org.tokengov.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tokengov.redcap.RedcapEnvironment;

/**
 * Counts and bounded, ordered lists of the tokens of a {@link TokenSelection}, computed by the database (grouped
 * counts, pages read in index order), so that reports cost the same with six years of tokens as with a few. Lists
 * come in pages ({@code offset}, {@code limit}) and are totally ordered (ties broken by id), so pages never overlap.
 */
@Service
public class TokenReports {

    /** Rows per round trip when every token of a selection is read in turn. */
    static final int BATCH = 500;
    private static final String COLUMNS = "id, request_id, holder, environment, project_id, right_export, right_import,"
            + " right_mobile_app, state, issued_at, expires_at, last_used_at, fingerprint, revoked_at, revocation_reason, version";
    private static final String IDLE_SINCE = "coalesce(last_used_at, issued_at)";

    private final JdbcClient jdbc;

    TokenReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many tokens of the selection each environment has in each state; every pair is present, zero if none. */
    public Map<RedcapEnvironment, Map<TokenState, Long>> countByEnvironmentAndState(TokenSelection selection) {
        Map<RedcapEnvironment, Map<TokenState, Long>> counts = new EnumMap<>(RedcapEnvironment.class);
        for (RedcapEnvironment environment : RedcapEnvironment.values()) {
            Map<TokenState, Long> byState = new EnumMap<>(TokenState.class);
            Arrays.stream(TokenState.values()).forEach(state -> byState.put(state, 0L));
            counts.put(environment, byState);
        }
        Where where = new Where(selection);
        if (where.none()) {
            return counts;
        }
        where.bind(jdbc.sql("select environment, state, count(*) from api_token" + where + " group by environment, state"))
                .query((RowCallbackHandler) row -> counts.get(RedcapEnvironment.valueOf(row.getString(1)))
                        .put(TokenState.valueOf(row.getString(2)), row.getLong(3)));
        return counts;
    }

    /** For each deadline, in order, how many tokens of the selection expire before it: one query for them all. */
    public List<Long> countExpiringBefore(TokenSelection selection, List<Instant> deadlines) {
        Where where = new Where(selection);
        if (where.none() || deadlines.isEmpty()) {
            return deadlines.stream().map(deadline -> 0L).toList();
        }
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < deadlines.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("count(case when expires_at < :deadline").append(i).append(" then 1 end)");
            where.parameter("deadline" + i, Timestamp.from(deadlines.get(i)));
        }
        Instant latest = deadlines.stream().max(Instant::compareTo).orElseThrow();
        where.condition("expires_at < :latest", "latest", Timestamp.from(latest));
        sql.append(" from api_token").append(where);
        return where.bind(jdbc.sql(sql.toString())).query((row, number) -> {
            List<Long> counts = new ArrayList<>();
            for (int i = 1; i <= deadlines.size(); i++) {
                counts.add(row.getLong(i));
            }
            return counts;
        }).single();
    }

    /** The tokens of the selection that expire before {@code deadline}, soonest first. */
    public List<IssuedToken> expiringBefore(TokenSelection selection, Instant deadline, int offset, int limit) {
        Where where = new Where(selection).condition("expires_at < :deadline", "deadline", Timestamp.from(deadline));
        return page(where, "expires_at, id", offset, limit);
    }

    /** How many tokens of the selection were last used (or, never used, issued) before {@code before}. */
    public long countIdleSince(TokenSelection selection, Instant before) {
        return count(idleBefore(selection, before));
    }

    /** The tokens of the selection last used (or, never used, issued) before {@code before}, longest idle first. */
    public List<IssuedToken> idleSince(TokenSelection selection, Instant before, int offset, int limit) {
        return page(idleBefore(selection, before), IDLE_SINCE + ", id", offset, limit);
    }

    public long count(TokenSelection selection) {
        return count(new Where(selection));
    }

    /** The tokens of the selection, newest issue first. */
    public List<IssuedToken> newestFirst(TokenSelection selection, int offset, int limit) {
        return page(new Where(selection), "issued_at desc, id", offset, limit);
    }

    /**
     * Every token of the selection, newest issue first, handed over one at a time: read {@value #BATCH} at a time
     * (each batch starts after the last token of the one before), never all at once.
     */
    public void forEachNewestFirst(TokenSelection selection, Consumer<IssuedToken> action) {
        List<IssuedToken> batch = newestFirst(selection, 0, BATCH);
        while (!batch.isEmpty()) {
            batch.forEach(action);
            IssuedToken last = batch.get(batch.size() - 1);
            Where after = new Where(selection)
                    // The first condition lets the database start reading the index there; the second skips the rest of
                    // the last token's instant.
                    .condition("issued_at <= :lastIssued", "lastIssued", Timestamp.from(last.issuedAt()))
                    .condition("(issued_at < :lastIssued or id > :lastId)", "lastId", last.id());
            batch = batch.size() < BATCH ? List.of() : page(after, "issued_at desc, id", 0, BATCH);
        }
    }

    /** The projects of the environment that have a live token, ascending, at most {@code limit}. */
    public List<Long> projectsWithLiveTokens(RedcapEnvironment environment, int limit) {
        return jdbc.sql("select distinct project_id from api_token where environment = :environment and state in (:live)"
                        + " order by project_id fetch first :limit rows only")
                .param("environment", environment.name())
                .param("live", TokenState.LIVE.stream().map(Enum::name).toList())
                .param("limit", limit)
                .query(Long.class).list();
    }

    /** How many tokens, in any state, the projects have ({@code projects}: per environment, the project ids). */
    public long countOnProjects(Map<RedcapEnvironment, List<Long>> projects) {
        Where where = onProjects(projects);
        return where == null ? 0 : count(where);
    }

    /** The tokens of the projects, newest issue first. */
    public List<IssuedToken> onProjects(Map<RedcapEnvironment, List<Long>> projects, int offset, int limit) {
        Where where = onProjects(projects);
        return where == null ? List.of() : page(where, "issued_at desc, id", offset, limit);
    }

    /** The where clause of the tokens of those projects; null when there is none. */
    private static Where onProjects(Map<RedcapEnvironment, List<Long>> projects) {
        Where where = new Where(new TokenSelection(null, null, null, EnumSet.allOf(TokenState.class)));
        List<String> either = new ArrayList<>();
        projects.forEach((environment, ids) -> {
            if (!ids.isEmpty()) {
                String name = environment.name().toLowerCase();
                either.add("(environment = :env_" + name + " and project_id in (:projects_" + name + "))");
                where.parameter("env_" + name, environment.name()).parameter("projects_" + name, ids);
            }
        });
        return either.isEmpty() ? null : where.condition("(" + String.join(" or ", either) + ")");
    }

    private static Where idleBefore(TokenSelection selection, Instant before) {
        return new Where(selection).condition(IDLE_SINCE + " < :idleBefore", "idleBefore", Timestamp.from(before));
    }

    private long count(Where where) {
        return where.none() ? 0 : where.bind(jdbc.sql("select count(*) from api_token" + where)).query(Long.class).single();
    }

    private List<IssuedToken> page(Where where, String order, int offset, int limit) {
        if (where.none() || limit <= 0) {
            return List.of();
        }
        return where.parameter("offset", offset).parameter("limit", limit)
                .bind(jdbc.sql("select " + COLUMNS + " from api_token" + where + " order by " + order
                        + " offset :offset rows fetch next :limit rows only"))
                .query(ROW).list();
    }

    private static final RowMapper<IssuedToken> ROW = (row, number) -> new IssuedToken(row.getString("id"),
            row.getString("request_id"), row.getString("holder"), RedcapEnvironment.valueOf(row.getString("environment")),
            row.getLong("project_id"), row.getBoolean("right_export"), row.getBoolean("right_import"),
            row.getBoolean("right_mobile_app"), TokenState.valueOf(row.getString("state")), instant(row, "issued_at"),
            instant(row, "expires_at"), instant(row, "last_used_at"), row.getString("fingerprint"),
            instant(row, "revoked_at"), row.getString("revocation_reason"), row.getLong("version"));

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** The where clause of a selection and its parameters; {@link #none()} when it admits no state at all. */
    private static final class Where {

        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> parameters = new LinkedHashMap<>();
        private final boolean none;

        Where(TokenSelection selection) {
            none = selection.states().isEmpty();
            if (selection.holder() != null) {
                condition("holder = :holder", "holder", selection.holder());
            }
            if (selection.environment() != null) {
                condition("environment = :environment", "environment", selection.environment().name());
            }
            if (selection.projectId() != null) {
                condition("project_id = :projectId", "projectId", selection.projectId());
            }
            if (!none && !selection.anyState()) {
                condition("state in (:states)", "states", selection.states().stream().map(Enum::name).toList());
            }
        }

        boolean none() {
            return none;
        }

        /** A condition whose parameters are bound already. */
        Where condition(String condition) {
            conditions.add(condition);
            return this;
        }

        Where condition(String condition, String name, Object value) {
            conditions.add(condition);
            return parameter(name, value);
        }

        Where parameter(String name, Object value) {
            parameters.put(name, value);
            return this;
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            return statement.params(parameters);
        }

        @Override
        public String toString() {
            return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        }
    }
}
