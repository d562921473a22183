package org.tokengov.redcap;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@link TokenAdministration} for environments in {@link TokenAdministrationMode#DATABASE}: SQL on REDCap's own
 * schema, as institutions' admin tools do, since REDCap has no API for it. Each change is one transaction on
 * {@code redcap_user_rights} plus a row in the project's log table ({@code redcap_projects.log_event_table}) as
 * REDCap's Control Center writes it (without the old value REDCap itself puts there), so REDCap's own logging shows
 * who (the actor) did what.
 *
 * <ul>
 *   <li>{@code create}: the user must already be a user of the project; sets a new value and the rights. If the
 *       user already had a token it is replaced and the log says {@value #REGENERATED}.</li>
 *   <li>{@code regenerate}: a new value, the same rights; refused if the user has no token.</li>
 *   <li>{@code delete}: {@code api_token = NULL}; the API rights stay as the PI set them. Idempotent: if the user
 *       has no token (or is no longer a project user) nothing is written, not even a log row, because nothing
 *       changed; the time returned is then that of the newest deletion in the project's log.</li>
 *   <li>{@code tokenWrittenBy}: reads only; the user's value if the newest token row of the log is the actor's own
 *       creation or regeneration (what an attempt that crashed after REDCap committed leaves).</li>
 *   <li>{@code issueValue}: a new value whether or not the user has one, the rights untouched.</li>
 * </ul>
 * The token value is made by a {@link TokenValueGenerator}, checked unique, written, and then forgotten: only its
 * {@link TokenFingerprint} is returned or logged. Database errors are reported with any hex run long enough to
 * be a token blanked out (duplicate-key messages quote the value). SQL does not take rate-budget permits: it does
 * not reach REDCap's HTTP rate limiter. Each write is counted in {@value RedcapCallCounter#DATABASE_WRITES}.
 */
@Component
public class DatabaseTokenAdministration implements TokenAdministration, AutoCloseable {

    static final String LOG_PAGE = "ControlCenter/user_api_tokens.php";
    static final String LOG_EVENT = "MANAGE";
    static final String LOG_OBJECT_TYPE = "redcap_user_rights";
    static final String CREATED = "Create API token for user";
    static final String REGENERATED = "Regenerate API token for user";
    static final String DELETED = "Delete API token for user";
    /** What REDCap's User Rights page logs when a user's rights or expiration change. */
    static final String USER_EDITED = "Edit user";
    static final String SUPER_TOKEN_DELETED = "Delete Super API Token for user";

    private static final Logger log = LoggerFactory.getLogger(DatabaseTokenAdministration.class);
    private static final Pattern TOKEN_FORMAT = Pattern.compile("[0-9A-F]{32}");
    private static final Pattern HEX_RUN = Pattern.compile("[0-9A-Fa-f]{32,}");
    private static final DateTimeFormatter LOG_TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final int MAX_ATTEMPTS = 10;

    private final RedcapProperties properties;
    private final RedcapDatabases databases;
    private final TokenValueGenerator generator;
    private final Clock clock;
    private final RedcapCallCounter writes;

    @Autowired
    public DatabaseTokenAdministration(RedcapProperties properties, TokenValueGenerator generator,
            ObjectProvider<Clock> clock, MeterRegistry meters) {
        this(properties, generator, clock.getIfUnique(Clock::systemUTC), meters);
    }

    /**
     * @param clock the clock for the log's {@code ts}, which REDCap writes in its server's local time
     *        ({@code YYYYMMDDhhmmss}): the clock's instant in the server's {@code time-zone}
     */
    public DatabaseTokenAdministration(RedcapProperties properties, TokenValueGenerator generator, Clock clock,
            MeterRegistry meters) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writes = RedcapCallCounter.databaseWrites(meters);
        this.databases = new RedcapDatabases(properties);
    }

    @Override
    public TokenFingerprint create(RedcapEnvironment environment, long projectId, String username, TokenRights rights,
            String actor) {
        String user = requireName(username, "username");
        String by = requireName(actor, "actor");
        Objects.requireNonNull(rights, "rights");
        if (!rights.any()) {
            throw new IllegalArgumentException("A token needs at least one right (export, import or mobile app)");
        }
        requireProject(projectId);
        Written written = inTransaction(environment, "create", "create the API token of " + user + " on project " + projectId,
                connection -> {
                    ProjectUser row = lockProjectUser(connection, environment, projectId, user)
                            .orElseThrow(() -> notAProjectUser(environment, projectId, user));
                    String description = row.hasToken() ? REGENERATED : CREATED;
                    String value = writeNewToken(connection, projectId, row.username(), rights);
                    writeLogEvent(environment, connection, projectId, by, row.username(), description);
                    return new Written(row.username(), TokenFingerprint.of(value), description);
                });
        log.info("REDCap {} project {}: {} {} ({}), by {}", environment, projectId, written.description(),
                written.username(), written.fingerprint(), by);
        return written.fingerprint();
    }

    @Override
    public TokenFingerprint regenerate(RedcapEnvironment environment, long projectId, String username, String actor) {
        String user = requireName(username, "username");
        String by = requireName(actor, "actor");
        requireProject(projectId);
        Written written = inTransaction(environment, "regenerate", "regenerate the API token of " + user + " on project " + projectId,
                connection -> {
                    ProjectUser row = lockProjectUser(connection, environment, projectId, user)
                            .orElseThrow(() -> notAProjectUser(environment, projectId, user));
                    if (!row.hasToken()) {
                        throw new RedcapRequestRejectedException("User " + row.username() + " has no API token on project "
                                + projectId + " on " + environment + ": there is nothing to regenerate");
                    }
                    String value = writeNewToken(connection, projectId, row.username(), null);
                    writeLogEvent(environment, connection, projectId, by, row.username(), REGENERATED);
                    return new Written(row.username(), TokenFingerprint.of(value), REGENERATED);
                });
        log.info("REDCap {} project {}: {} {} ({}), by {}", environment, projectId, written.description(),
                written.username(), written.fingerprint(), by);
        return written.fingerprint();
    }

    @Override
    public TokenFingerprint issueValue(RedcapEnvironment environment, long projectId, String username, String actor) {
        String user = requireName(username, "username");
        String by = requireName(actor, "actor");
        requireProject(projectId);
        Written written = inTransaction(environment, "issue", "give " + user + " a new API token on project " + projectId,
                connection -> {
                    ProjectUser row = lockProjectUser(connection, environment, projectId, user)
                            .orElseThrow(() -> notAProjectUser(environment, projectId, user));
                    String description = row.hasToken() ? REGENERATED : CREATED;
                    String value = writeNewToken(connection, projectId, row.username(), null);
                    writeLogEvent(environment, connection, projectId, by, row.username(), description);
                    return new Written(row.username(), TokenFingerprint.of(value), description);
                });
        log.info("REDCap {} project {}: {} {} ({}), rights unchanged, by {}", environment, projectId,
                written.description(), written.username(), written.fingerprint(), by);
        return written.fingerprint();
    }

    @Override
    public Optional<Instant> delete(RedcapEnvironment environment, long projectId, String username, String actor) {
        String user = requireName(username, "username");
        String by = requireName(actor, "actor");
        requireProject(projectId);
        Instant now = clock.instant();
        Deletion deletion = inTransaction(environment, "delete", "delete the API token of " + user + " on project " + projectId,
                connection -> {
                    Optional<ProjectUser> row = lockProjectUser(connection, environment, projectId, user);
                    if (row.isEmpty() || !row.get().hasToken()) {
                        String spelled = row.map(ProjectUser::username).orElse(user);
                        return new Deletion(false, newestTokenRow(environment, connection, projectId, spelled)
                                .filter(TokenLogRow::deletion).map(TokenLogRow::at));
                    }
                    try (PreparedStatement update = connection.prepareStatement("UPDATE redcap_user_rights"
                            + " SET api_token = NULL WHERE project_id = ? AND username = ?")) {
                        update.setLong(1, projectId);
                        update.setString(2, row.get().username());
                        requireOneRow(update.executeUpdate());
                    }
                    writeLogEvent(environment, connection, projectId, by, row.get().username(), DELETED, LOG_OBJECT_TYPE,
                            now);
                    return new Deletion(true, Optional.of(now.truncatedTo(ChronoUnit.SECONDS)));
                });
        if (deletion.now()) {
            log.info("REDCap {} project {}: {} {}, by {}", environment, projectId, DELETED, user, by);
        } else {
            log.info("REDCap {} project {}: {} has no API token (already deleted or not a project user); nothing"
                    + " written", environment, projectId, user);
        }
        return deletion.at();
    }

    @Override
    public Optional<TokenFingerprint> tokenWrittenBy(RedcapEnvironment environment, long projectId, String username,
            String actor) {
        String user = requireName(username, "username");
        String by = requireName(actor, "actor");
        requireProject(projectId);
        // A read: not counted among the writes.
        return transaction(environment, "read the API token of " + user + " on project " + projectId,
                connection -> {
                    Optional<ProjectUser> row = lockProjectUser(connection, environment, projectId, user);
                    if (row.isEmpty() || !row.get().hasToken()) {
                        return Optional.empty();
                    }
                    return newestTokenRow(environment, connection, projectId, row.get().username())
                            .filter(newest -> newest.writtenBy(by))
                            .map(newest -> TokenFingerprint.of(row.get().apiToken()));
                });
    }

    /**
     * The newest row of the project's log about the user's token (anyone's creation, regeneration or deletion, in the
     * Control Center, on the API page or by this system), if the log has one. {@code pk} is compared as is, so that
     * REDCap's index on it serves the look-up in a log of millions of rows (MySQL compares ignoring case anyway).
     */
    private Optional<TokenLogRow> newestTokenRow(RedcapEnvironment environment, Connection connection, long projectId,
            String username) throws SQLException {
        // Columns qualified: H2 (the embedded default's REDCap) reads a bare "user" as its session user.
        try (PreparedStatement select = connection.prepareStatement("SELECT e.ts, e.user, e.description FROM "
                + RedcapLogTables.of(connection, projectId) + " e WHERE e.project_id = ? AND e.pk = ?"
                + " AND LOWER(e.description) LIKE '%api token%' AND LOWER(e.description) NOT LIKE 'request api token%'"
                + " ORDER BY e.log_event_id DESC LIMIT 1")) {
            select.setLong(1, projectId);
            select.setString(2, username);
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                Instant at = LocalDateTime.parse(Long.toString(result.getLong(1)), LOG_TS)
                        .atZone(properties.server(environment).timeZone()).toInstant();
                return Optional.of(new TokenLogRow(at, result.getString(2), result.getString(3)));
            }
        }
    }

    @Override
    public void deleteSuperToken(RedcapEnvironment environment, String username, String actor) {
        String user = requireName(username, "username");
        String by = requireName(actor, "actor");
        int deleted = inTransaction(environment, "delete-super-token", "delete the super API token of " + user,
                connection -> {
                    try (PreparedStatement update = connection.prepareStatement("UPDATE redcap_user_information"
                            + " SET api_token = NULL WHERE LOWER(username) = LOWER(?) AND api_token IS NOT NULL")) {
                        update.setString(1, user);
                        int rows = update.executeUpdate();
                        if (rows > 0) {
                            writeLogEvent(environment, connection, 0, by, user, SUPER_TOKEN_DELETED,
                                    "redcap_user_information");
                        }
                        return rows;
                    }
                });
        log.info("REDCap {}: {} {}, by {}", environment, deleted > 0 ? SUPER_TOKEN_DELETED : "no super API token to delete for",
                user, by);
    }

    /** The user's row, locked until the transaction ends; REDCap usernames are case-insensitive. */
    private Optional<ProjectUser> lockProjectUser(Connection connection, RedcapEnvironment environment, long projectId,
            String username) throws SQLException {
        List<ProjectUser> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT username, api_token"
                + " FROM redcap_user_rights WHERE project_id = ? AND LOWER(username) = LOWER(?) FOR UPDATE")) {
            select.setLong(1, projectId);
            select.setString(2, username);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new ProjectUser(result.getString(1), result.getString(2)));
                }
            }
        }
        if (rows.size() <= 1) {
            return rows.stream().findFirst();
        }
        return Optional.of(rows.stream().filter(row -> row.username().equals(username)).findFirst()
                .orElseThrow(() -> new RedcapException("Project " + projectId + " on " + environment
                        + " has several users whose names differ from " + username + " only in case")));
    }

    /** A new unique value, written with the rights (or, with {@code rights == null}, keeping them); returns the value. */
    private String writeNewToken(Connection connection, long projectId, String username, TokenRights rights)
            throws SQLException {
        String sql = rights == null
                ? "UPDATE redcap_user_rights SET api_token = ? WHERE project_id = ? AND username = ?"
                : "UPDATE redcap_user_rights SET api_token = ?, api_export = ?, api_import = ?, mobile_app = ?"
                        + " WHERE project_id = ? AND username = ?";
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            String value = generator.newTokenValue();
            if (value == null || !TOKEN_FORMAT.matcher(value).matches()) {
                throw new IllegalStateException("The token value generator made a value that is not 32 uppercase hex"
                        + " characters");
            }
            if (tokenExists(connection, value)) {
                log.warn("A new token value collided with an existing one; trying another (attempt {})", attempt);
                continue;
            }
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                int i = 1;
                update.setString(i++, value);
                if (rights != null) {
                    update.setInt(i++, rights.export() ? 1 : 0);
                    update.setInt(i++, rights.importData() ? 1 : 0);
                    update.setInt(i++, rights.mobileApp() ? 1 : 0);
                }
                update.setLong(i++, projectId);
                update.setString(i, username);
                requireOneRow(update.executeUpdate());
                return value;
            } catch (SQLException e) {
                if (!isUniqueViolation(e)) {
                    throw e;
                }
                // Someone wrote the same value since we checked: the unique key on api_token caught it.
                log.warn("A new token value collided with an existing one on write; trying another (attempt {})",
                        attempt);
            }
        }
        throw new RedcapException("Could not make a unique API token value in " + MAX_ATTEMPTS + " attempts");
    }

    private static boolean tokenExists(Connection connection, String value) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM redcap_user_rights WHERE api_token = ?")) {
            select.setString(1, value);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1) > 0;
            }
        }
    }

    /**
     * Ends the user's access to the project as the User Rights page does: {@code expiration} set, so REDCap refuses them
     * from that day on, the user row and REDCap's history kept. An earlier expiration stays. Logged as REDCap logs an
     * edit of a user ({@code Edit user}).
     *
     * @return whether the expiration was set now (false: not a user of the project, or expiring by then already)
     */
    public boolean setExpiration(RedcapEnvironment environment, long projectId, String username, LocalDate expiration,
            String by) {
        String user = requireName(username, "username");
        String actor = requireName(by, "actor");
        Objects.requireNonNull(expiration, "expiration");
        requireProject(projectId);
        return inTransaction(environment, "expire", "end the access of " + user + " to project " + projectId,
                connection -> {
                    try (PreparedStatement update = connection.prepareStatement("UPDATE redcap_user_rights SET expiration = ?"
                            + " WHERE project_id = ? AND LOWER(username) = LOWER(?) AND (expiration IS NULL OR expiration > ?)")) {
                        update.setDate(1, Date.valueOf(expiration));
                        update.setLong(2, projectId);
                        update.setString(3, user);
                        update.setDate(4, Date.valueOf(expiration));
                        if (update.executeUpdate() == 0) {
                            return false;
                        }
                    }
                    writeLogEvent(environment, connection, projectId, actor, user, USER_EDITED);
                    return true;
                });
    }

    /**
     * Lowers the user's API rights on the project to at most {@code keep}, as a PI on the User Rights page would: a right
     * is only ever switched off here, never on. Logged as REDCap logs an edit of a user ({@code Edit user}). A member of
     * a user role has the role's rights, which this cannot change per user: {@link RedcapRoleMemberException}.
     *
     * @return whether a right was switched off now (false: not a user of the project, or nothing above {@code keep})
     */
    public boolean reduceApiRights(RedcapEnvironment environment, long projectId, String username, TokenRights keep,
            String by) {
        String user = requireName(username, "username");
        String actor = requireName(by, "actor");
        Objects.requireNonNull(keep, "keep");
        requireProject(projectId);
        return inTransaction(environment, "reduce-rights", "reduce the API rights of " + user + " on project " + projectId,
                connection -> {
                    String spelled;
                    try (PreparedStatement select = connection.prepareStatement("SELECT role_id, username FROM"
                            + " redcap_user_rights WHERE project_id = ? AND LOWER(username) = LOWER(?) FOR UPDATE")) {
                        select.setLong(1, projectId);
                        select.setString(2, user);
                        try (ResultSet result = select.executeQuery()) {
                            if (!result.next()) {
                                return false;
                            }
                            spelled = result.getString(2);
                            if (result.getObject(1) != null) {
                                throw new RedcapRoleMemberException("The user \"" + spelled + "\" belongs to a user role on"
                                        + " project " + projectId + ": their API rights are the role's");
                            }
                        }
                    }
                    try (PreparedStatement update = connection.prepareStatement("UPDATE redcap_user_rights SET"
                            + " api_export = CASE WHEN ? = 1 THEN api_export ELSE 0 END,"
                            + " api_import = CASE WHEN ? = 1 THEN api_import ELSE 0 END,"
                            + " mobile_app = CASE WHEN ? = 1 THEN mobile_app ELSE 0 END"
                            + " WHERE project_id = ? AND username = ?"
                            + " AND ((api_export = 1 AND ? = 0) OR (api_import = 1 AND ? = 0) OR (mobile_app = 1 AND ? = 0))")) {
                        int[] kept = {keep.export() ? 1 : 0, keep.importData() ? 1 : 0, keep.mobileApp() ? 1 : 0};
                        for (int right = 0; right < kept.length; right++) {
                            update.setInt(1 + right, kept[right]);
                            update.setInt(6 + right, kept[right]);
                        }
                        update.setLong(4, projectId);
                        update.setString(5, spelled);
                        if (update.executeUpdate() == 0) {
                            return false;
                        }
                    }
                    writeLogEvent(environment, connection, projectId, actor, spelled, USER_EDITED);
                    return true;
                });
    }

    /**
     * Suspends the user's REDCap account as of {@code at} (REDCap's local time), as an administrator's suspension does:
     * {@code redcap_user_information.user_suspended_time}, which makes REDCap refuse every API token of the user. No log
     * row: the facts sheet names none for a suspension, so none is invented.
     *
     * @return whether it is suspended as of {@code at} now (false: no such account, or suspended already otherwise).
     *     A retry of the same suspension answers true again, so a step whose own transaction failed after the write
     *     still records the suspension as its own.
     */
    public boolean suspendAccount(RedcapEnvironment environment, String username, LocalDateTime at) {
        String user = requireName(username, "username");
        Objects.requireNonNull(at, "at");
        return inTransaction(environment, "suspend-account", "suspend the REDCap account of " + user,
                connection -> {
                    try (PreparedStatement update = connection.prepareStatement("UPDATE redcap_user_information"
                            + " SET user_suspended_time = ? WHERE LOWER(username) = LOWER(?)"
                            + " AND (user_suspended_time IS NULL OR user_suspended_time = ?)")) {
                        update.setTimestamp(1, Timestamp.valueOf(at));
                        update.setString(2, user);
                        update.setTimestamp(3, Timestamp.valueOf(at));
                        return update.executeUpdate() > 0;
                    }
                });
    }

    /**
     * Lifts a suspension this system set: only while {@code user_suspended_time} is still exactly {@code setAt}, so a
     * suspension an administrator made (or renewed) since stays.
     *
     * @return whether it was lifted now
     */
    public boolean liftSuspension(RedcapEnvironment environment, String username, LocalDateTime setAt) {
        String user = requireName(username, "username");
        Objects.requireNonNull(setAt, "setAt");
        return inTransaction(environment, "lift-suspension", "lift the suspension of " + user + "'s REDCap account",
                connection -> {
                    try (PreparedStatement update = connection.prepareStatement("UPDATE redcap_user_information"
                            + " SET user_suspended_time = NULL WHERE LOWER(username) = LOWER(?) AND user_suspended_time = ?")) {
                        update.setString(1, user);
                        update.setTimestamp(2, Timestamp.valueOf(setAt));
                        return update.executeUpdate() > 0;
                    }
                });
    }

    private void writeLogEvent(RedcapEnvironment environment, Connection connection, long projectId, String actor,
            String username, String description) throws SQLException {
        writeLogEvent(environment, connection, projectId, actor, username, description, LOG_OBJECT_TYPE);
    }

    private void writeLogEvent(RedcapEnvironment environment, Connection connection, long projectId, String actor,
            String username, String description, String objectType) throws SQLException {
        writeLogEvent(environment, connection, projectId, actor, username, description, objectType, clock.instant());
    }

    private void writeLogEvent(RedcapEnvironment environment, Connection connection, long projectId, String actor,
            String username, String description, String objectType, Instant at) throws SQLException {
        // The table name is REDCap's own, checked against its pattern.
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + RedcapLogTables.of(connection, projectId)
                + " (project_id, ts, user, page, event, object_type, pk, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, projectId);
            // REDCap's NOW: its server's wall-clock time, which the log reader converts back with the same setting.
            insert.setLong(2, Long.parseLong(LocalDateTime.ofInstant(at, properties.server(environment).timeZone())
                    .format(LOG_TS)));
            insert.setString(3, actor);
            insert.setString(4, LOG_PAGE);
            insert.setString(5, LOG_EVENT);
            insert.setString(6, objectType);
            insert.setString(7, username);
            insert.setString(8, description);
            insert.executeUpdate();
        }
    }

    /** One counted write: {@code operation} names it in the count, {@code what} in error messages. */
    private <T> T inTransaction(RedcapEnvironment environment, String operation, String what, SqlWork<T> work) {
        Objects.requireNonNull(environment, "environment");
        try {
            T result = transaction(environment, what, work);
            writes.succeeded(environment, operation);
            return result;
        } catch (RuntimeException e) {
            writes.failed(environment, operation, e);
            throw e;
        }
    }

    private <T> T transaction(RedcapEnvironment environment, String what, SqlWork<T> work) {
        try (Connection connection = databases.of(environment).getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw translate(environment, what, e);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.warn("Rollback on REDCap's database failed: {}", redact(e.getMessage()));
        }
    }

    /** Connection trouble, time-outs, deadlocks and lock waits are worth retrying; anything else is not. */
    private static RedcapException translate(RedcapEnvironment environment, String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        boolean retryable = e instanceof SQLTransientException || e instanceof SQLRecoverableException
                || state.startsWith("08") || state.startsWith("40") || state.equals("HYT00")
                || e.getErrorCode() == 1205 || e.getErrorCode() == 1213;
        Exception cause = redacted(e, 0);
        String message = "Could not " + what + " on REDCap " + environment + "'s database: " + cause.getMessage();
        return retryable ? new RedcapUnavailableException(message, cause) : new RedcapException(message, cause);
    }

    private static boolean isUniqueViolation(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("23") && (e.getErrorCode() == 1062 || e.getErrorCode() == 23505 || state.equals("23505"));
    }

    /**
     * A copy of a database exception (and its causes) whose messages have every hex run of token length blanked
     * out, keeping class, SQL state and stack trace: duplicate-key messages quote the offending value.
     */
    private static Exception redacted(Throwable e, int depth) {
        String message = e.getClass().getName() + ": " + redact(e.getMessage());
        if (e instanceof SQLException sql) {
            message += " [SQLState " + sql.getSQLState() + ", error " + sql.getErrorCode() + "]";
        }
        Exception copy = new RedactedDatabaseException(message);
        copy.setStackTrace(e.getStackTrace());
        if (e.getCause() != null && e.getCause() != e && depth < 5) {
            copy.initCause(redacted(e.getCause(), depth + 1));
        }
        return copy;
    }

    static String redact(String text) {
        return text == null ? null : HEX_RUN.matcher(text).replaceAll("***");
    }

    private static void requireOneRow(int updated) throws SQLException {
        if (updated != 1) {
            throw new SQLException("Expected to change one row of redcap_user_rights but changed " + updated);
        }
    }

    private static String requireName(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A " + what + " is needed");
        }
        return value.trim();
    }

    private static void requireProject(long projectId) {
        if (projectId <= 0) {
            throw new IllegalArgumentException("A REDCap project id is positive, not " + projectId);
        }
    }

    private static RedcapRequestRejectedException notAProjectUser(RedcapEnvironment environment, long projectId,
            String username) {
        return new RedcapRequestRejectedException("User " + username + " is not a user of project " + projectId + " on "
                + environment + ": add them to the project in REDCap first");
    }

    /** The pools to REDCap's databases, which the inventory reads through as well. */
    RedcapDatabases databases() {
        return databases;
    }

    /** Closes the connection pools; Spring calls it on shutdown. */
    @Override
    public void close() {
        databases.close();
    }

    @Override
    public String toString() {
        return "DatabaseTokenAdministration" + databases;
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private record ProjectUser(String username, String apiToken) {
        boolean hasToken() {
            return apiToken != null && !apiToken.isBlank();
        }

        @Override
        public String toString() {
            return "ProjectUser[" + username + ", token " + (hasToken() ? "present" : "none") + "]";
        }
    }

    private record Written(String username, TokenFingerprint fingerprint, String description) {
    }

    /** Whether this call deleted the token, and when REDCap's token was deleted (its log's time), if known. */
    private record Deletion(boolean now, Optional<Instant> at) {
    }

    /** A row of REDCap's log about a user's token: when, by whom, what (REDCap's wording, perhaps with more after ';'). */
    private record TokenLogRow(Instant at, String user, String description) {
        boolean deletion() {
            return description.toLowerCase(Locale.ROOT).contains("delete");
        }

        boolean writtenBy(String actor) {
            return actor.equals(user) && (description.equals(CREATED) || description.equals(REGENERATED));
        }
    }

    /** Stands in for a database exception whose message might have quoted a token value. */
    private static final class RedactedDatabaseException extends Exception {
        RedactedDatabaseException(String message) {
            super(message);
        }
    }
}
