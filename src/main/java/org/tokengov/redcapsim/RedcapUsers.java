package org.tokengov.redcapsim;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code redcap_user_information}: the people REDCap knows, whatever their projects, and their super tokens. */
final class RedcapUsers {

    private final JdbcTemplate jdbc;

    RedcapUsers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RedcapUser> find(String username) {
        return jdbc.query("""
                        SELECT ui_id, username, user_email, user_firstname, user_lastname, super_user,
                               user_suspended_time, api_token, api_token_auto_request
                        FROM redcap_user_information WHERE username = ?""",
                (row, number) -> new RedcapUser(
                        row.getInt("ui_id"),
                        row.getString("username"),
                        row.getString("user_email"),
                        row.getString("user_firstname"),
                        row.getString("user_lastname"),
                        row.getInt("super_user") == 1,
                        row.getObject("user_suspended_time") != null,
                        row.getString("api_token") != null,
                        row.getInt("api_token_auto_request") == 1),
                username).stream().findFirst();
    }

    /** Those of the given usernames REDCap does not know, sorted. */
    Set<String> unknown(Collection<String> usernames) {
        Set<String> unknown = new TreeSet<>();
        for (String username : usernames) {
            if (find(username).isEmpty()) {
                unknown.add(username);
            }
        }
        return unknown;
    }

    /** The first super user, the stand-in administrator when a Control Center action names none. */
    Optional<String> firstSuperUser() {
        return jdbc.queryForList("SELECT username FROM redcap_user_information WHERE super_user = 1"
                + " AND user_suspended_time IS NULL ORDER BY ui_id", String.class).stream().findFirst();
    }

    /** The username behind a super API token of someone not suspended, if any. */
    Optional<String> superTokenOwner(String token) {
        return jdbc.queryForList("SELECT username FROM redcap_user_information"
                + " WHERE api_token = ? AND user_suspended_time IS NULL", String.class, token).stream().findFirst();
    }

    Optional<String> superToken(String username) {
        return jdbc.queryForList("SELECT api_token FROM redcap_user_information WHERE username = ? AND api_token IS NOT NULL",
                String.class, username).stream().findFirst();
    }

    /** Writes a new super token, or with {@code null} deletes it. */
    void setSuperToken(String username, String value) {
        jdbc.update("UPDATE redcap_user_information SET api_token = ? WHERE username = ?", value, username);
    }

    boolean superTokenExists(String value) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM redcap_user_information WHERE api_token = ?", Integer.class,
                value) > 0;
    }
}
