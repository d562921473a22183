package org.tokengov.redcapsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Crash safety of the embedded default: a token the simulator deleted and committed stays deleted after its JVM is
 * killed hard ({@code kill -9}) and the database is opened again. Uses the H2 URL of application-embedded.yml as it
 * is, only with the files in a temporary folder; H2's default write delay would lose the deletion (the token would be
 * back), which is what {@code WRITE_DELAY=0} in that URL prevents.
 */
class SimulatorCrashSafetyIT {

    @TempDir
    Path folder;

    @Test
    void aTokenRevokedBeforeAKillMinus9StaysRevoked() throws Exception {
        String url = embeddedDefaultUrl("prod").replace("./data/", folder.toAbsolutePath() + "/");
        Process child = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SimulatorCrashChild.class.getName(), url)
                .redirectErrorStream(true)
                .start();
        try {
            waitFor(child, SimulatorCrashChild.REVOKED);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).as("killed, not ended (137 = SIGKILL)").isEqualTo(137);

        try (RedcapServer reopened = RedcapServer.start("prod",
                new RedcapSimProperties.Environment(url, "sa", "", true, Map.of(), null),
                new SimulatorClock(ZoneId.of("America/New_York")))) {
            assertThat(reopened.projectUsers().find(101, "alice")).as("the token's row survived").isPresent();
            // As a boolean: a failure must not print the token.
            assertThat(reopened.projectUsers().token(101, "alice").isPresent()).as("and its deletion too").isFalse();
            JdbcTemplate sql = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
            assertThat(sql.queryForList("SELECT description FROM redcap_log_event5 WHERE pk = 'alice'"
                    + " ORDER BY log_event_id", String.class))
                    .hasSize(2).first().isEqualTo("Create API token for user");
        }
    }

    private static void waitFor(Process child, String marker) throws IOException {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            String line;
            while ((line = output.readLine()) != null) {
                if (line.equals(marker)) {
                    return;
                }
                seen.append(line).append('\n');
            }
            throw new AssertionError("The simulator's JVM ended before it said " + marker + ":\n" + seen);
        }
    }

    private static String embeddedDefaultUrl(String server) throws IOException {
        List<PropertySource<?>> embedded = new YamlPropertySourceLoader().load("embedded",
                new ClassPathResource("application-embedded.yml"));
        String url = (String) embedded.get(0).getProperty("redcap-sim.environments." + server + ".jdbc-url");
        assertThat(url).startsWith("jdbc:h2:file:./data/");
        return url;
    }
}
