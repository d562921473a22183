package org.tokengov.redcapsim;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/** Checks API tokens the way REDCap's {@code RestUtility::processRequest} does, against its own tables. */
final class ApiTokens {

    static final String NO_PERMISSION = "You do not have permissions to use the API";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9]+");
    private static final int SUPER_TOKEN_LENGTH = 64;

    private static final String OWNER = "SELECT ur.project_id, ur.username, ur.expiration, ur.role_id, ur.group_id,"
            + " ui.super_user, ui.user_suspended_time, r.role_id AS r_role_id, "
            + Rights.select("ur", "u_") + ", " + Rights.select("r", "r_")
            + " FROM redcap_user_rights ur"
            + " JOIN redcap_user_information ui ON ui.username = ur.username"
            + " LEFT JOIN redcap_user_roles r ON r.role_id = ur.role_id AND r.project_id = ur.project_id"
            + " WHERE ur.api_token = ?";

    private final JdbcTemplate jdbc;

    ApiTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static boolean looksLikeSuperToken(String token) {
        return token != null && token.length() == SUPER_TOKEN_LENGTH;
    }

    /**
     * The owner of a project token (REDCAP-FACTS.md 4). A missing, malformed or unknown token, or one whose owner is
     * suspended, is refused and logged as an invalid token; REDCap cannot tell whose it was, so the row has no user
     * and no project (the simulator's choice: the sheet does not say). A token on or past its expiration date is
     * refused and logged with project 0, super users excepted.
     */
    TokenOwner authenticate(ApiRequest request, LocalDate today) {
        String token = request.token();
        ApiError invalid = ApiError.forbidden(NO_PERMISSION)
                .logged(LogEvent.failedRequest(0, null, request, "invalid token"));
        if (token == null || !WELL_FORMED.matcher(token).matches()) {
            throw invalid;
        }
        OwnerRow owner = jdbc.query(OWNER, (row, number) -> new OwnerRow(
                        new TokenOwner(
                                row.getInt("project_id"),
                                row.getString("username"),
                                row.getObject("expiration", LocalDate.class),
                                row.getInt("super_user") == 1,
                                row.getObject("r_role_id") == null ? null : row.getInt("r_role_id"),
                                row.getObject("group_id") == null ? null : row.getInt("group_id"),
                                Rights.effective(row, "u_", "r_", "r_role_id")),
                        row.getObject("user_suspended_time") != null), token)
                .stream().findFirst()
                .orElseThrow(() -> invalid);
        if (owner.suspended()) {
            throw invalid;
        }
        if (owner.owner().expiredOn(today)) {
            throw ApiError.forbidden("You do not have API rights because your privileges have expired for this project as of "
                            + owner.owner().expiration() + ".")
                    .logged(LogEvent.failedRequest(0, owner.owner().username(), request, "user rights expired"));
        }
        return owner.owner();
    }

    /** The username behind a super API token (kept in {@code redcap_user_information}), if any. */
    Optional<String> superTokenOwner(String token) {
        if (!looksLikeSuperToken(token) || !WELL_FORMED.matcher(token).matches()) {
            return Optional.empty();
        }
        return new RedcapUsers(jdbc).superTokenOwner(token);
    }

    private record OwnerRow(TokenOwner owner, boolean suspended) {
    }
}
