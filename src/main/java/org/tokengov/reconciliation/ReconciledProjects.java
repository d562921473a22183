package org.tokengov.reconciliation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
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

    /** The last token event of REDCap's log that reconciliation acted on (0: none yet). */
    long lastTokenEvent(RedcapEnvironment environment) {
        return jdbc.sql("select last_token_event_id from reconciliation_run where environment = ?")
                .param(environment.name()).query(Long.class).single();
    }

    void actedOnTokenEvents(RedcapEnvironment environment, long lastEventId) {
        jdbc.sql("update reconciliation_run set last_token_event_id = ? where environment = ?")
                .params(lastEventId, environment.name()).update();
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
