package org.tokengov.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The people whose tokens the app issues and revokes, one row each (table {@code token_holder}). Issuing a token and
 * fixing an offboarding's tokens both {@link #lock} the person first, in the app's database, until their transaction
 * ends: on one node or several replicas, a termination then either commits before the issuing step reads the
 * person's {@link HolderDeparture} (and nothing is written), or waits until the issuing step has committed its
 * registry row (and revokes it). A row lock, not PostgreSQL's advisory lock, so the embedded H2 default works the same.
 */
@Service
public class TokenHolders {

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    TokenHolders(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // A first insert that loses to another transaction's rolls back to a savepoint, not the caller's transaction.
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Locks the person's row (creating it the first time) until the caller's transaction ends, waiting while another
     * transaction holds it; returns the termination in effect, if any.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<HolderDeparture> lock(String username) {
        Optional<Optional<HolderDeparture>> locked = selectForUpdate(username);
        if (locked.isPresent()) {
            return locked.get();
        }
        try {
            savepoint.executeWithoutResult(status -> jdbc.sql("insert into token_holder (username) values (?)")
                    .param(username).update());
            return Optional.empty();
        } catch (DuplicateKeyException insertedMeanwhile) {
            // Another transaction created the row and has committed it (PostgreSQL and H2 wait for that): lock it.
            return selectForUpdate(username).orElseThrow(() -> insertedMeanwhile);
        }
    }

    /** Records that the person left; call with the person locked. A later-dated termination on record stays. */
    @Transactional(propagation = Propagation.MANDATORY)
    public HolderDeparture recordDeparture(String username, String eventId, Instant effectiveAt) {
        HolderDeparture standing = HolderDeparture.after(lock(username), eventId, effectiveAt);
        write(username, Optional.of(standing));
        return standing;
    }

    /**
     * Records that the person is back (a rehire, a re-enabled account) from {@code effectiveAt}: a termination dated
     * before it no longer keeps them from tokens. Returns the termination still in effect, if a later-dated one is.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<HolderDeparture> recordReturn(String username, Instant effectiveAt) {
        Optional<HolderDeparture> standing = HolderDeparture.afterReturn(lock(username), effectiveAt);
        write(username, standing);
        return standing;
    }

    /** Withdraws the termination of {@code eventId} (its wave was rejected), if it is the one in effect. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void withdrawDeparture(String username, String eventId) {
        lock(username).filter(departure -> departure.eventId().equals(eventId))
                .ifPresent(withdrawn -> write(username, Optional.empty()));
    }

    private Optional<Optional<HolderDeparture>> selectForUpdate(String username) {
        return jdbc.sql("select departure_event_id, departure_effective_at from token_holder where username = ? for update")
                .param(username)
                .query((rs, row) -> rs.getString(1) == null ? Optional.<HolderDeparture>empty()
                        : Optional.of(new HolderDeparture(rs.getString(1), rs.getTimestamp(2).toInstant())))
                .optional();
    }

    private void write(String username, Optional<HolderDeparture> standing) {
        jdbc.sql("update token_holder set departure_event_id = ?, departure_effective_at = ? where username = ?")
                .params(standing.map(HolderDeparture::eventId).orElse(null),
                        standing.map(departure -> Timestamp.from(departure.effectiveAt())).orElse(null), username)
                .update();
    }
}
