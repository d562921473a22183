package org.tokengov.redcapsim;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** {@code redcap_todo_list}: the administrators' to-do list, here the request button's 'token access' rows. */
final class TodoList {

    static final String TOKEN_ACCESS = "token access";

    private final JdbcTemplate jdbc;

    TodoList(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A pending request for a token (REDCAP-FACTS.md 3): to the project's contact, with the Control Center link that
     * creates it, which names the row itself. No duplicate check, as in REDCap.
     *
     * @param webRoot the server's address up to and including its last {@code /}, where REDCap's pages live
     */
    int addTokenRequest(int projectId, RedcapUser requester, String requestTo, String webRoot, LocalDateTime now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO redcap_todo_list (request_from, request_to,"
                    + " todo_type, status, request_time, project_id) VALUES (?, ?, ?, 'pending', ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
            insert.setInt(1, requester.uiId());
            insert.setString(2, requestTo);
            insert.setString(3, TOKEN_ACCESS);
            insert.setTimestamp(4, Timestamp.valueOf(now));
            insert.setInt(5, projectId);
            return insert;
        }, key);
        int requestId = key.getKey().intValue();
        jdbc.update("UPDATE redcap_todo_list SET action_url = ? WHERE request_id = ?",
                webRoot + "redcap_v" + ProjectMethods.REDCAP_VERSION + "/ControlCenter/user_api_tokens.php"
                        + "?action=createToken&api_username=" + URLEncoder.encode(requester.username(), StandardCharsets.UTF_8)
                        + "&api_pid=" + projectId + "&request_id=" + requestId,
                requestId);
        return requestId;
    }

    /** Marks the user's pending token requests on the project completed, by the administrator who made the token. */
    int completeTokenRequests(int projectId, RedcapUser requester, RedcapUser administrator, LocalDateTime now) {
        return jdbc.update("UPDATE redcap_todo_list SET status = 'completed', request_completion_time = ?,"
                        + " request_completion_userid = ? WHERE project_id = ? AND request_from = ? AND todo_type = ?"
                        + " AND status = 'pending'",
                Timestamp.valueOf(now), administrator.uiId(), projectId, requester.uiId(), TOKEN_ACCESS);
    }
}
