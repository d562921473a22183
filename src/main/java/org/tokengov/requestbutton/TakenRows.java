package org.tokengov.requestbutton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.TodoStatus;
import org.tokengov.redcap.TokenAccessRequest;

/** The request button's rows this system took in ({@code request_button_todo}), each once. */
@Repository
class TakenRows {

    private static final String COLUMNS =
            "environment, todo_request_id, project_id, requester, process_instance_id, token_request_id";

    private final JdbcClient jdbc;
    private final Clock clock;

    TakenRows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean taken(RedcapEnvironment environment, long todoRequestId) {
        return jdbc.sql("select count(*) from request_button_todo where environment = ? and todo_request_id = ?")
                .params(environment.name(), todoRequestId).query(Long.class).single() > 0;
    }

    /** Takes the row; a second take of it (another replica, a repeated poll) fails on the primary key. */
    void take(TokenAccessRequest row, String processInstanceId) {
        jdbc.sql("insert into request_button_todo (environment, todo_request_id, project_id, requester, taken_at,"
                        + " process_instance_id) values (?, ?, ?, ?, ?, ?)")
                .params(row.environment().name(), row.requestId(), row.projectId(), row.username(),
                        new Timestamp(clock.millis()), processInstanceId)
                .update();
    }

    /**
     * The earliest row still open (taken, not yet closed) by which the same person asked for a token on the same
     * project before this one: REDCap lets a person press the button again, and does not check.
     */
    Optional<Long> earlierOpenRequest(TakenRow row) {
        return jdbc.sql("select min(todo_request_id) from request_button_todo where environment = ? and project_id = ?"
                        + " and requester = ? and todo_request_id < ? and todo_status is null")
                .params(row.environment().name(), row.projectId(), row.requester(), row.todoRequestId())
                .query(Long.class).optional();
    }

    Optional<TakenRow> ofProcess(String processInstanceId) {
        return jdbc.sql("select " + COLUMNS + " from request_button_todo where process_instance_id = ?")
                .params(processInstanceId).query(TakenRows::toRow).optional();
    }

    Optional<TakenRow> ofTokenRequest(String tokenRequestId) {
        return jdbc.sql("select " + COLUMNS + " from request_button_todo where token_request_id = ?")
                .params(tokenRequestId).query(TakenRows::toRow).optional();
    }

    /** Links the row to the token request its survey started; a row answers one request only. */
    void answered(String processInstanceId, String tokenRequestId) {
        int updated = jdbc.sql("update request_button_todo set token_request_id = ? where process_instance_id = ?"
                        + " and token_request_id is null")
                .params(tokenRequestId, processInstanceId).update();
        if (updated != 1) {
            throw new IllegalStateException("The request button's task " + processInstanceId + " was already answered");
        }
    }

    void closed(String processInstanceId, TodoStatus status) {
        jdbc.sql("update request_button_todo set todo_status = ?, closed_at = ? where process_instance_id = ?")
                .params(status.value(), new Timestamp(clock.millis()), processInstanceId).update();
    }

    private static TakenRow toRow(ResultSet rs, int row) throws SQLException {
        return new TakenRow(RedcapEnvironment.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3), rs.getString(4),
                rs.getString(5), rs.getString(6));
    }
}
