package org.tokengov.offboarding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code scim_user}: the people SCIM clients created here, with the attributes a client reads back. */
@Repository
class ScimUsers {

    private static final TypeReference<List<ScimUser.Email>> EMAILS = new TypeReference<>() {
    };
    private static final String SELECT = """
            select id, external_id, user_name, given_name, family_name, formatted_name, display_name, emails, active,
                   created_at, last_modified_at
            from scim_user
            """;

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ScimUsers(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores the user under a new id; a userName taken in any case fails with Spring's DuplicateKeyException. */
    ScimUser insert(ScimNewUser user, Instant now) {
        String id = UUID.randomUUID().toString();
        ScimUser.Name name = user.name() == null ? new ScimUser.Name(null, null, null) : user.name();
        jdbc.sql("""
                insert into scim_user (id, user_name, user_name_key, external_id, active, display_name, given_name,
                    family_name, formatted_name, emails, created_at, last_modified_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, user.userName(), key(user.userName()), user.externalId(), user.active(), user.displayName(),
                        name.givenName(), name.familyName(), name.formatted(),
                        user.emails().isEmpty() ? null : write(user.emails()), Timestamp.from(now), Timestamp.from(now))
                .update();
        return byId(id).orElseThrow();
    }

    Optional<ScimUser> byId(String id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::toUser).optional();
    }

    Optional<ScimUser> byUserName(String userName) {
        return jdbc.sql(SELECT + " where user_name_key = ?").param(key(userName)).query(this::toUser).optional();
    }

    /** The users matching the filter (all without one), oldest first, from the 0-based offset. */
    List<ScimUser> page(Optional<ScimFilter> filter, int offset, int limit) {
        return jdbc.sql(SELECT + where(filter) + " order by created_at, id limit ? offset ?")
                .params(filter.map(f -> List.<Object>of(f.comparable(), limit, offset)).orElse(List.of(limit, offset)))
                .query(this::toUser)
                .list();
    }

    int count(Optional<ScimFilter> filter) {
        return jdbc.sql("select count(*) from scim_user" + where(filter))
                .params(filter.map(f -> List.<Object>of(f.comparable())).orElse(List.of()))
                .query(Integer.class)
                .single();
    }

    /** Sets active if it differs; true when it did, so a concurrent request changing it too gets false. */
    boolean changeActive(String id, boolean active, Instant now) {
        return jdbc.sql("update scim_user set active = ?, last_modified_at = ? where id = ? and active <> ?")
                .params(active, Timestamp.from(now), id, active)
                .update() == 1;
    }

    void delete(String id) {
        jdbc.sql("delete from scim_user where id = ?").param(id).update();
    }

    private static String where(Optional<ScimFilter> filter) {
        return filter.map(f -> switch (f.attribute()) {
            case USER_NAME -> " where user_name_key = ?";
            case EXTERNAL_ID -> " where external_id = ?";
            case ID -> " where id = ?";
        }).orElse("");
    }

    // SCIM compares userName ignoring case, so the unique key is its lower case.
    private static String key(String userName) {
        return userName.toLowerCase(Locale.ROOT);
    }

    private String write(List<ScimUser.Email> emails) {
        try {
            return json.writeValueAsString(emails);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Emails of plain strings always serialise", e);
        }
    }

    private ScimUser toUser(ResultSet rs, int row) throws SQLException {
        ScimUser.Name name = new ScimUser.Name(rs.getString(4), rs.getString(5), rs.getString(6));
        String emails = rs.getString(8);
        try {
            return new ScimUser(List.of(ScimUser.SCHEMA), rs.getString(1), rs.getString(2), rs.getString(3),
                    name.equals(new ScimUser.Name(null, null, null)) ? null : name, rs.getString(7),
                    emails == null ? null : json.readValue(emails, EMAILS), rs.getBoolean(9),
                    new ScimUser.Meta(ScimUser.RESOURCE_TYPE, rs.getTimestamp(10).toInstant(),
                            rs.getTimestamp(11).toInstant(), null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("scim_user " + rs.getString(1) + " holds unreadable emails", e);
        }
    }
}
