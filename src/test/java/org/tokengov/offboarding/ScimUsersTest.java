package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Table scim_user on H2, the embedded default's database (ScimIT covers PostgreSQL). */
class ScimUsersTest {

    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    ScimUsers users;

    @BeforeEach
    void migrate() {
        String url = "jdbc:h2:mem:scim-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common").load().migrate();
        users = new ScimUsers(JdbcClient.create(dataSource), new ObjectMapper().findAndRegisterModules());
    }

    static ScimNewUser user(String userName, String externalId) {
        return new ScimNewUser(userName, externalId, true, "Bob", new ScimUser.Name("Bob", "Builder", null),
                List.of(new ScimUser.Email("bob@example.org", "work", true)));
    }

    @Test
    void aStoredUserIsReadBackWhole() {
        ScimUser stored = users.insert(user("Bob", "ext-1"), NOW);

        assertThat(users.byId(stored.id())).contains(stored);
        assertThat(stored.userName()).isEqualTo("Bob");
        assertThat(stored.emails()).containsExactly(new ScimUser.Email("bob@example.org", "work", true));
        assertThat(stored.meta().created()).isEqualTo(NOW);
        assertThat(users.byUserName("BOB")).contains(stored);
    }

    @Test
    void aUserNameIsTakenInAnyCase() {
        users.insert(user("Bob", null), NOW);

        assertThatThrownBy(() -> users.insert(user("bOB", null), NOW)).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void filtersCountAndPages() {
        ScimUser bob = users.insert(user("Bob", "ext-1"), NOW);
        ScimUser ann = users.insert(user("ann", "ext-2"), NOW.plusSeconds(1));

        assertThat(users.count(Optional.empty())).isEqualTo(2);
        assertThat(users.page(Optional.empty(), 1, 5)).containsExactly(ann);
        assertThat(users.page(Optional.of(ScimFilter.parse("userName eq \"BOB\"")), 0, 5)).containsExactly(bob);
        assertThat(users.count(Optional.of(ScimFilter.parse("externalId eq \"EXT-2\"")))).isZero();
        assertThat(users.page(Optional.of(ScimFilter.parse("id eq \"" + ann.id() + "\"")), 0, 5)).containsExactly(ann);
    }

    @Test
    void activeChangesOnlyOnce() {
        ScimUser bob = users.insert(user("Bob", null), NOW);

        assertThat(users.changeActive(bob.id(), true, NOW)).isFalse();
        assertThat(users.changeActive(bob.id(), false, NOW.plusSeconds(5))).isTrue();
        assertThat(users.changeActive(bob.id(), false, NOW.plusSeconds(6))).isFalse();
        assertThat(users.byId(bob.id()).orElseThrow().meta().lastModified()).isEqualTo(NOW.plusSeconds(5));

        users.delete(bob.id());
        assertThat(users.byId(bob.id())).isEmpty();
    }
}
