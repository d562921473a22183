package org.tokengov.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tokengov.redcap.RedcapEnvironment;

/**
 * Reads the misuse cases ({@code fair_use_case}, written by {@code fairuse}) for the dashboard, and nothing else: a
 * case is open while its {@code open_key} is set (the table's own one-open-case-per-token-and-rule key).
 */
@Repository
class OpenFairUseCases {

    /** One open case as the table holds it; {@code rule} and {@code state} as stored, turned into words by the page. */
    record OpenCase(String id, String tokenId, String rule, String holder, RedcapEnvironment environment, long projectId,
            Instant openedAt, Instant deadline, String state) {
    }

    private final JdbcClient jdbc;

    OpenFairUseCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Open cases, soonest deadline first, at most {@code limit}: everyone's ({@code holder} null) or one person's. */
    List<OpenCase> open(String holder, int limit) {
        String sql = "select id, token_id, rule, holder, environment, project_id, opened_at, deadline, state"
                + " from fair_use_case where open_key is not null" + (holder == null ? "" : " and holder = :holder")
                + " order by deadline, id limit :limit";
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("limit", limit);
        if (holder != null) {
            statement = statement.param("holder", holder);
        }
        return statement.query((row, number) -> new OpenCase(row.getString(1), row.getString(2), row.getString(3),
                row.getString(4), RedcapEnvironment.valueOf(row.getString(5)), row.getLong(6), instant(row.getTimestamp(7)),
                instant(row.getTimestamp(8)), row.getString(9))).list();
    }

    /**
     * How many confirmed findings found at {@code since} or later each of these tokens has whose case is not closed
     * (none, or not yet written: open), in one query; tokens without any are absent.
     */
    Map<String, Long> openConfirmedFindingsOf(Collection<String> tokenIds, Instant since) {
        Map<String, Long> counts = new HashMap<>();
        if (tokenIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("select f.token_id, count(*) from fair_use_finding f left join fair_use_case c on c.id = f.case_id"
                        + " where f.token_id in (:ids) and f.found_at >= :since and f.certainty = 'CONFIRMED'"
                        + " and (c.id is null or c.open_key is not null) group by f.token_id")
                .param("ids", tokenIds).param("since", Timestamp.from(since))
                .query((RowCallbackHandler) row -> counts.put(row.getString(1), row.getLong(2)));
        return counts;
    }

    /** Which of these cases are closed: their findings are settled. Unknown ids (a case being opened) are not. */
    Set<String> closedAmong(Collection<String> caseIds) {
        if (caseIds.isEmpty()) {
            return Collections.emptySet();
        }
        return new HashSet<>(jdbc.sql("select id from fair_use_case where open_key is null and id in (:ids)")
                .param("ids", caseIds).query(String.class).list());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
