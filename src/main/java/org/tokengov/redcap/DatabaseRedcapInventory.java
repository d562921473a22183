package org.tokengov.redcap;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@link RedcapInventory} on REDCap's own schema ({@code redcap_user_rights}, {@code redcap_user_roles},
 * {@code redcap_user_information}, the project's {@code log_event_table}). Each value is turned into its fingerprint
 * as it is read and never kept. Reads use the token administration's small pools (one connection per read, held
 * briefly) and take no rate-budget permits: SQL does not reach REDCap's HTTP rate limiter.
 */
@Component
public class DatabaseRedcapInventory implements RedcapInventory {

    /** A user role's rights win over the user's own, as in REDCap. */
    private static final String PROJECT_TOKENS = """
            SELECT ur.project_id, ur.username, ur.api_token,
                   COALESCE(r.api_export, ur.api_export), COALESCE(r.api_import, ur.api_import),
                   COALESCE(r.mobile_app, ur.mobile_app), r.role_name
            FROM redcap_user_rights ur LEFT JOIN redcap_user_roles r ON r.role_id = ur.role_id
            WHERE ur.api_token IS NOT NULL""";
    private static final String SUPER_TOKENS =
            "SELECT username, api_token FROM redcap_user_information WHERE api_token IS NOT NULL";

    private final RedcapProperties properties;
    private final RedcapDatabases databases;

    public DatabaseRedcapInventory(RedcapProperties properties, DatabaseTokenAdministration administration) {
        this.properties = properties;
        this.databases = administration.databases();
    }

    @Override
    public boolean readable(RedcapEnvironment environment) {
        RedcapProperties.Server server = properties.environments().get(environment);
        return server != null && server.tokenAdministration() == TokenAdministrationMode.DATABASE;
    }

    @Override
    public List<TokenInRedcap> projectTokens(RedcapEnvironment environment) {
        return databases.read(environment, "read the project tokens", connection -> {
            try (PreparedStatement select = connection.prepareStatement(PROJECT_TOKENS)) {
                return projectTokens(environment, select);
            }
        });
    }

    @Override
    public List<TokenInRedcap> superTokens(RedcapEnvironment environment) {
        return databases.read(environment, "read the super tokens", connection -> {
            try (PreparedStatement select = connection.prepareStatement(SUPER_TOKENS)) {
                return superTokens(environment, select);
            }
        });
    }

    @Override
    public Optional<TokenInRedcap> token(RedcapEnvironment environment, long projectId, String username) {
        return databases.read(environment, "read a token", connection -> {
            boolean superToken = projectId == TokenInRedcap.SUPER_TOKEN_PROJECT;
            try (PreparedStatement select = connection.prepareStatement(superToken
                    ? SUPER_TOKENS + " AND LOWER(username) = LOWER(?)"
                    : PROJECT_TOKENS + " AND ur.project_id = ? AND LOWER(ur.username) = LOWER(?)")) {
                int i = 1;
                if (!superToken) {
                    select.setLong(i++, projectId);
                }
                select.setString(i, username);
                List<TokenInRedcap> tokens = superToken ? superTokens(environment, select) : projectTokens(environment, select);
                return tokens.stream().filter(token -> token.username().equals(username)).findFirst()
                        .or(() -> tokens.stream().findFirst());
            }
        });
    }

    private static List<TokenInRedcap> projectTokens(RedcapEnvironment environment, PreparedStatement select)
            throws SQLException {
        List<TokenInRedcap> tokens = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                tokens.add(new TokenInRedcap(environment, rows.getLong(1), rows.getString(2),
                        TokenFingerprint.of(rows.getString(3)),
                        new TokenRights(rows.getInt(4) == 1, rows.getInt(5) == 1, rows.getInt(6) == 1), rows.getString(7)));
            }
        }
        return tokens;
    }

    private static List<TokenInRedcap> superTokens(RedcapEnvironment environment, PreparedStatement select)
            throws SQLException {
        List<TokenInRedcap> tokens = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                // A super token may do everything its user may do through the API, on every project.
                tokens.add(new TokenInRedcap(environment, TokenInRedcap.SUPER_TOKEN_PROJECT, rows.getString(1),
                        TokenFingerprint.of(rows.getString(2)), new TokenRights(true, true, true), null));
            }
        }
        return tokens;
    }

    @Override
    public Optional<String> tokenCreator(RedcapEnvironment environment, long projectId, String username) {
        return databases.read(environment, "read who made a token", connection -> {
            String table = RedcapLogTables.of(connection, projectId);
            // The table name is REDCap's own and checked against its pattern; it cannot be a bound parameter.
            // Super-token rows are assumed to name their user in pk, as project-token rows do (not confirmed).
            // Qualified as e.user: unqualified, H2 reads user as the session user.
            try (PreparedStatement select = connection.prepareStatement("SELECT e.user FROM " + table + " e"
                    + " WHERE e.project_id = ? AND e.pk = ? AND (e.description LIKE 'Create API token%'"
                    + " OR e.description LIKE 'Regenerate API token%' OR e.description LIKE 'User regenerate own API token%'"
                    + " OR e.description LIKE 'Create Super API Token%' OR e.description LIKE 'Reassign Super API Token%')"
                    + " ORDER BY e.log_event_id DESC")) {
                select.setMaxRows(1);
                select.setLong(1, projectId);
                select.setString(2, username);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

}
