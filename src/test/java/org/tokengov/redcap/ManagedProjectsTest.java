package org.tokengov.redcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * In the API mode the projects a PI manages are found among the projects the caller names, at most
 * {@value ManagedProjects#MAX_ASKED} of them, each asked once within ProjectPis' memory: never a question per project of
 * the institution, never the same question on every page load.
 */
class ManagedProjectsTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    final CountingUsers redcap = new CountingUsers();
    final ManagedProjects managed = new ManagedProjects(apiMode(), null,
            new ProjectPis(redcap, Clock.fixed(NOW, ZoneOffset.UTC)), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theApiModeAsksOnlyAboutTheNamedProjectsBoundedAndRemembered() {
        List<Long> candidates = LongStream.rangeClosed(1, 80).boxed().toList();

        assertThat(managed.by("pat", RedcapEnvironment.QA, () -> candidates)).containsExactly(7L, 42L);
        assertThat(redcap.asked).hasSize(ManagedProjects.MAX_ASKED).doesNotContain(51L, 77L);

        assertThat(managed.by("PAT", RedcapEnvironment.QA, () -> candidates)).as("usernames as REDCap compares them")
                .containsExactly(7L, 42L);
        assertThat(redcap.asked).as("answered from memory").hasSize(ManagedProjects.MAX_ASKED);
        assertThat(managed.by("viewer", RedcapEnvironment.QA, () -> candidates)).as("read-only User Rights").isEmpty();
    }

    private static RedcapProperties apiMode() {
        return new RedcapProperties(Map.of(RedcapEnvironment.QA, new RedcapProperties.Server(URI.create("http://127.0.0.1:1/api/"),
                TokenAdministrationMode.MANUAL, null, Map.of(), null, null, 60, Duration.ofSeconds(1), Duration.ofMillis(500))));
    }

    /** pat has full User Rights on 7, 42 and 77; viewer read-only everywhere. Counts the projects asked about. */
    static class CountingUsers extends ProjectPisTest.ProjectUsersOnly {

        final List<Long> asked = new ArrayList<>();

        @Override
        public List<RedcapProjectUser> projectUsers(RedcapEnvironment environment, long projectId) {
            asked.add(projectId);
            boolean pats = projectId == 7 || projectId == 42 || projectId == 77;
            return List.of(ProjectPisTest.user("pat", pats, null), ProjectPisTest.user("viewer", false, null));
        }
    }
}
