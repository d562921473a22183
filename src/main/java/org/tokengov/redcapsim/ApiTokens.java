package org.tokengov.redcapsim;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/** Checks API tokens the way REDCap does, against its own tables. */
final class ApiTokens {

    static final String NO_PERMISSION = "You do not have permissions to use the API";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9]+");
    private static final int SUPER_TOKEN_LENGTH = 64;

    private final JdbcTemplate jdbc;

    ApiTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static boolean looksLikeSuperToken(String token) {
        return token != null && token.length() == SUPER_TOKEN_LENGTH;
    }

    /** The owner of a project token; a missing, malformed, unknown, suspended or expired one is refused. */
    TokenOwner authenticate(String token, LocalDate today) {
        if (token == null || !WELL_FORMED.matcher(token).matches()) {
            throw ApiError.forbidden(NO_PERMISSION);
        }
        TokenOwner owner = jdbc.query("""
                        SELECT ur.project_id, ur.username, ur.expiration, ur.api_export, ur.api_import,
                               ur.user_rights, ur.data_logging, ui.super_user
                        FROM redcap_user_rights ur
                        JOIN redcap_user_information ui ON ui.username = ur.username
                        WHERE ur.api_token = ? AND ui.user_suspended_time IS NULL""",
                        (rs, row) -> new TokenOwner(
                                rs.getInt("project_id"),
                                rs.getString("username"),
                                rs.getObject("expiration", LocalDate.class),
                                rs.getInt("super_user") == 1,
                                rs.getInt("api_export") == 1,
                                rs.getInt("api_import") == 1,
                                rs.getInt("user_rights") == 1,
                                rs.getInt("data_logging") == 1),
                        token)
                .stream().findFirst()
                .orElseThrow(() -> ApiError.forbidden(NO_PERMISSION));
        if (owner.expiredOn(today)) {
            throw ApiError.forbidden("You do not have API rights because your privileges have expired for this project as of "
                    + owner.expiration() + ".");
        }
        return owner;
    }

    /** The username behind a super API token (kept in {@code redcap_user_information}), if any. */
    Optional<String> superTokenOwner(String token) {
        if (!looksLikeSuperToken(token) || !WELL_FORMED.matcher(token).matches()) {
            return Optional.empty();
        }
        return jdbc.queryForList("SELECT username FROM redcap_user_information"
                        + " WHERE api_token = ? AND user_suspended_time IS NULL", String.class, token)
                .stream().findFirst();
    }
}
