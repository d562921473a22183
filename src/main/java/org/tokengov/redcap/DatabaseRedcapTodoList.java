package org.tokengov.redcap;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * {@link RedcapTodoList} on REDCap's own schema: {@code redcap_todo_list} joined with {@code redcap_user_information}
 * for the requester's username. Uses the token administration's small pools, one connection per call, held briefly.
 */
@Component
public class DatabaseRedcapTodoList implements RedcapTodoList {

    static final String TOKEN_ACCESS = "token access";

    private static final String PENDING = """
            SELECT t.request_id, t.project_id, u.username, t.request_time
            FROM redcap_todo_list t LEFT JOIN redcap_user_information u ON u.ui_id = t.request_from
            WHERE t.todo_type = ? AND t.status = 'pending' AND t.project_id IS NOT NULL
            ORDER BY t.request_id""";
    /** Only a row still open is closed: one an administrator completed in REDCap meanwhile keeps what they wrote. */
    private static final String CLOSE = """
            UPDATE redcap_todo_list SET status = ?, request_completion_time = ?, request_completion_userid = ?, comment = ?
            WHERE request_id = ? AND todo_type = ? AND status IN ('pending', 'low-priority')""";
    private static final String UI_ID = "SELECT ui_id FROM redcap_user_information WHERE LOWER(username) = LOWER(?)";

    private final RedcapProperties properties;
    private final RedcapDatabases databases;
    private final Clock clock;

    public DatabaseRedcapTodoList(RedcapProperties properties, DatabaseTokenAdministration administration, Clock clock) {
        this.properties = properties;
        this.databases = administration.databases();
        this.clock = clock;
    }

    @Override
    public boolean readable(RedcapEnvironment environment) {
        RedcapProperties.Server server = properties.environments().get(environment);
        return server != null && server.tokenAdministration() == TokenAdministrationMode.DATABASE;
    }

    @Override
    public List<TokenAccessRequest> pendingTokenRequests(RedcapEnvironment environment) {
        return inTransaction(environment, "read the to-do list", connection -> {
            List<TokenAccessRequest> pending = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(PENDING)) {
                select.setString(1, TOKEN_ACCESS);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Timestamp requestedAt = rows.getTimestamp(4);
                        pending.add(new TokenAccessRequest(environment, rows.getLong(1), rows.getLong(2), rows.getString(3),
                                requestedAt == null ? null : requestedAt.toLocalDateTime()));
                    }
                }
            }
            return pending;
        });
    }

    @Override
    public boolean close(RedcapEnvironment environment, long requestId, TodoStatus status, String comment, String by) {
        Objects.requireNonNull(status, "status");
        // REDCap writes its server's wall-clock time.
        LocalDateTime now = LocalDateTime.now(clock.withZone(properties.server(environment).timeZone()));
        return inTransaction(environment, "close to-do " + requestId, connection -> {
            Long closer = by == null ? null : uiIdOf(connection, by);
            try (PreparedStatement update = connection.prepareStatement(CLOSE)) {
                update.setString(1, status.value());
                update.setTimestamp(2, Timestamp.valueOf(now.withNano(0)));
                if (closer == null) {
                    update.setNull(3, Types.INTEGER);
                } else {
                    update.setLong(3, closer);
                }
                update.setString(4, comment);
                update.setLong(5, requestId);
                update.setString(6, TOKEN_ACCESS);
                return update.executeUpdate() == 1;
            }
        });
    }

    private static Long uiIdOf(Connection connection, String username) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(UI_ID)) {
            select.setString(1, username);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    private <T> T inTransaction(RedcapEnvironment environment, String what, Work<T> work) {
        try (Connection connection = databases.of(environment).getConnection()) {
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new RedcapUnavailableException("Could not " + what + " in REDCap " + environment + "'s database: "
                    + DatabaseTokenAdministration.redact(e.getMessage()));
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
