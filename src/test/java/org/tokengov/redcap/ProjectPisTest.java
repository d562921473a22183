package org.tokengov.redcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The PIs of a project are its active users with full User Rights: not read-only ones, not expired ones. */
class ProjectPisTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    final ProjectUsersOnly redcap = new ProjectUsersOnly();
    final ProjectPis pis = new ProjectPis(redcap, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void onlyActiveUsersWithFullUserRightsArePis() {
        redcap.users.add(user("pat", true, null));
        redcap.users.add(user("viewer", false, null));
        redcap.users.add(user("former-pi", true, LocalDate.of(2026, 11, 27)));
        redcap.users.add(user("alice", false, null));

        assertThat(pis.of(RedcapEnvironment.PROD, 101)).containsExactly("pat");
        assertThat(pis.isPi("pat", RedcapEnvironment.PROD, 101)).isTrue();
        assertThat(pis.isPi("viewer", RedcapEnvironment.PROD, 101)).as("read-only User Rights").isFalse();
        assertThat(pis.isPi("former-pi", RedcapEnvironment.PROD, 101)).as("access expired").isFalse();
    }

    @Test
    void aPermissionIsAskedFreshButNoticesAreAnsweredFromMemory() {
        redcap.users.add(user("pat", true, null));
        assertThat(pis.of(RedcapEnvironment.QA, 201)).containsExactly("pat");

        redcap.users.set(0, user("pat", false, null));
        assertThat(pis.of(RedcapEnvironment.QA, 201)).as("remembered for notices").containsExactly("pat");
        assertThat(pis.isPi("pat", RedcapEnvironment.QA, 201)).as("asked fresh for a permission").isFalse();
    }

    static RedcapProjectUser user(String username, boolean fullUserRights, LocalDate expiration) {
        return new RedcapProjectUser(username, username + "@example.org", expiration, false, false, false, fullUserRights);
    }

    /** REDCap's user export and nothing else: any other call fails the test. */
    static class ProjectUsersOnly implements RedcapApi {

        final List<RedcapProjectUser> users = new ArrayList<>();

        @Override
        public List<RedcapProjectUser> projectUsers(RedcapEnvironment environment, long projectId) {
            return List.copyOf(users);
        }

        @Override
        public String version(RedcapEnvironment environment, long projectId) {
            throw new AssertionError("not used");
        }

        @Override
        public Optional<RedcapProjectUser> findProjectUser(RedcapEnvironment environment, long projectId, String username) {
            throw new AssertionError("not used");
        }

        @Override
        public void setApiRights(RedcapEnvironment environment, long projectId, String username, TokenRights rights) {
            throw new AssertionError("not used");
        }

        @Override
        public List<RedcapLogRow> logSince(RedcapEnvironment environment, long projectId, LocalDateTime beginTime) {
            throw new AssertionError("not used");
        }
    }
}
