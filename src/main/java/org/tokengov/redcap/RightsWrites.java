package org.tokengov.redcap;

import java.util.Locale;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The writes of users' API rights asked of REDCap's API whose step has not committed yet (table
 * {@code redcap_rights_write}). A write is recorded before the call, in a transaction of its own, so the record
 * survives the rollback of the step (a job whose node was killed, a failed job); it goes once the step commits. A
 * record found when the same write is asked again means an earlier attempt may have reached REDCap: that retry reads
 * REDCap's rights first ({@link RightsReplay}).
 */
@Component
class RightsWrites {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    RightsWrites(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records the write as asked, committed at once, and has the record removed when the caller's transaction commits
     * (at once without one); a rollback keeps it.
     *
     * @return true if an earlier attempt of a write of this user's rights on the project was left unfinished
     */
    boolean ask(RedcapEnvironment environment, long projectId, String username) {
        String user = username.trim().toLowerCase(Locale.ROOT);
        boolean unfinished = record(environment, projectId, user);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    // The step's transaction is over: a transaction of its own (REQUIRES_NEW), as Spring asks here.
                    remove(environment, projectId, user);
                }
            });
        } else {
            remove(environment, projectId, user);
        }
        return unfinished;
    }

    private boolean record(RedcapEnvironment environment, long projectId, String user) {
        Integer touched = ownTransaction.execute(status -> jdbc.sql("update redcap_rights_write set asked_at ="
                + " current_timestamp where environment = ? and project_id = ? and username = ?")
                .params(environment.name(), projectId, user).update());
        if (touched != null && touched > 0) {
            return true;
        }
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql("insert into redcap_rights_write"
                    + " (environment, project_id, username, asked_at) values (?, ?, ?, current_timestamp)")
                    .params(environment.name(), projectId, user).update());
            return false;
        } catch (DuplicateKeyException askedMeanwhile) {
            // Another step asks the same write right now: unfinished as far as this one can tell.
            return true;
        }
    }

    private void remove(RedcapEnvironment environment, long projectId, String user) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("delete from redcap_rights_write where environment = ?"
                + " and project_id = ? and username = ?").params(environment.name(), projectId, user).update());
    }
}
