package org.tokengov.clusterlock;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Replicas that start together do their start-up work (every {@code ApplicationRunner}: instance migration, the
 * ledger's backfill, authorizations, Tasklist filters) one after the other, not side by side: each of those checks what
 * is there and writes what is missing, which two replicas doing it at once would both write. The first runner takes a
 * PostgreSQL advisory lock on a connection of its own and waits for it; it is given back when the app is ready (or
 * closes). Deployment and Flyway migrations happen before the runners and have locks of their own (Camunda's deployment
 * lock, Flyway's). On H2, the embedded default's single node, there is nothing to wait for.
 */
@Component
class StartUpInTurn implements ApplicationRunner, Ordered, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StartUpInTurn.class);

    /** The advisory lock's key: any number no other lock of the app or its libraries uses ("tokengov" in ASCII). */
    static final long LOCK_KEY = 0x746f6b656e676f76L;

    private final DataSource dataSource;
    private Connection holding;

    StartUpInTurn(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public synchronized void run(ApplicationArguments args) throws SQLException {
        Connection connection = dataSource.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            connection.close();
            return;
        }
        try (Statement statement = connection.createStatement()) {
            long waitingSince = System.nanoTime();
            statement.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
            log.debug("Start-up work lock taken after {} ms", (System.nanoTime() - waitingSince) / 1_000_000);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        holding = connection;
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void release() throws SQLException {
        if (holding == null) {
            return;
        }
        try (Connection connection = holding; Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
        } finally {
            holding = null;
        }
    }

    /** A start that failed gives the lock back too (closing the connection would end it anyway). */
    @Override
    public void destroy() throws SQLException {
        release();
    }
}
