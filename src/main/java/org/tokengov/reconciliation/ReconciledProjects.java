package org.tokengov.reconciliation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tokengov.redcap.RedcapEnvironment;

/**
 * Which projects reconciliation has seen before, how far it has acted on REDCap's token events, and the lock that keeps
 * two reconciliations of one environment apart.
 */
@Repository
class ReconciledProjects {

    private final JdbcClient jdbc;
    private final Clock clock;

    ReconciledProjects(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Waits until no other reconciliation of the environment runs, and holds it until the caller's transaction ends
     * (the migration made one row per environment).
     */
    void lock(RedcapEnvironment environment) {
        jdbc.sql("select environment from reconciliation_run where environment = ? for update").param(environment.name())
                .query(String.class).single();
        jdbc.sql("update reconciliation_run set last_started_at = ? where environment = ?")
                .params(Timestamp.from(clock.instant()), environment.name()).update();
    }

    /** Per project, the last token event of REDCap's log that reconciliation acted on (a project missing: none yet). */
    Map<Long, Long> lastTokenEvents(RedcapEnvironment environment) {
        Map<Long, Long> last = new HashMap<>();
        jdbc.sql("select project_id, last_token_event_id from reconciled_token_event where environment = ?")
                .param(environment.name())
                .query((RowCallbackHandler) rs -> last.put(rs.getLong(1), rs.getLong(2)));
        return last;
    }

    void actedOnTokenEvents(RedcapEnvironment environment, long projectId, long lastEventId) {
        int updated = jdbc.sql("update reconciled_token_event set last_token_event_id = ? where environment = ?"
                + " and project_id = ?").params(lastEventId, environment.name(), projectId).update();
        if (updated == 0) {
            // Runs of one environment never overlap (the lock row): no other run inserts this row meanwhile.
            jdbc.sql("insert into reconciled_token_event (environment, project_id, last_token_event_id) values (?, ?, ?)")
                    .params(environment.name(), projectId, lastEventId).update();
        }
    }

    Set<Long> of(RedcapEnvironment environment) {
        return new HashSet<>(jdbc.sql("select project_id from reconciled_project where environment = ?")
                .param(environment.name()).query(Long.class).list());
    }

    void add(RedcapEnvironment environment, Collection<Long> projectIds) {
        Set<Long> known = of(environment);
        for (Long projectId : projectIds) {
            if (known.add(projectId)) {
                jdbc.sql("insert into reconciled_project (environment, project_id, first_run_at) values (?, ?, ?)")
                        .params(environment.name(), projectId, Timestamp.from(clock.instant())).update();
            }
        }
    }
}
