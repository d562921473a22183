package org.tokengov.redcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * {@link DatabaseTokenAdministrationContract} on H2 in MySQL mode (as the embedded default's simulator uses), plus
 * what needs no real database server: outages, Spring wiring and shutdown, redaction.
 */
class DatabaseTokenAdministrationTest extends DatabaseTokenAdministrationContract {

    private final String jdbcUrl = "jdbc:h2:mem:redcap_" + UUID.randomUUID().toString().replace("-", "")
            + ";MODE=MySQL;NON_KEYWORDS=USER;DB_CLOSE_DELAY=-1";

    @Override
    String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    String username() {
        return "sa";
    }

    @Test
    void anUnreachableDatabaseIsRetryableAndSaysWhichEnvironment() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        RedcapProperties properties = new RedcapProperties(Map.of(RedcapEnvironment.PROD,
                new RedcapProperties.Server(URI.create("http://127.0.0.1:1/api/"), TokenAdministrationMode.DATABASE,
                        new RedcapProperties.Database("jdbc:mariadb://127.0.0.1:" + closedPort + "/redcap", "redcap",
                                "db-secret"), Map.of(), null, null, null, Duration.ofMillis(300), null)));
        long started = System.nanoTime();
        try (DatabaseTokenAdministration unreachable = new DatabaseTokenAdministration(properties,
                new SecureRandomTokenValueGenerator(), CLOCK, meters)) {

            Throwable thrown = catchThrowable(() -> unreachable.create(RedcapEnvironment.PROD, PROD_PROJECT, "alice",
                    new TokenRights(true, false, false), ACTOR));

            assertThat(thrown).isInstanceOf(RedcapUnavailableException.class)
                    .hasMessageContaining("REDCap PROD's database")
                    .hasMessageContaining("create the API token of alice on project 101");
            assertThat(stackTraceOf(thrown)).doesNotContain("db-secret");
            assertThat(writes("PROD", "create", "unavailable")).isEqualTo(1);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void springWiresItWithTheAppsClockInRedcapsTimeZoneAndClosesItsPoolsOnShutdown() throws Exception {
        Instant now = Instant.parse("2026-11-28T16:30:00Z");
        ZoneId redcapTime = properties(jdbcUrl).server(RedcapEnvironment.PROD).timeZone();
        long expectedTs = Long.parseLong(LocalDateTime.ofInstant(now, redcapTime)
                .format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")));
        DatabaseTokenAdministration administration;
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(RedcapProperties.class, () -> properties(jdbcUrl));
            context.registerBean(Clock.class, () -> Clock.fixed(now, ZoneOffset.UTC));
            context.registerBean(SecureRandomTokenValueGenerator.class);
            context.registerBean(SimpleMeterRegistry.class);
            context.registerBean(DatabaseTokenAdministration.class);
            context.refresh();
            administration = context.getBean(DatabaseTokenAdministration.class);
            administration.create(RedcapEnvironment.PROD, PROD_PROJECT, "alice", new TokenRights(true, false, false),
                    ACTOR);
            assertThat(context.getBeansOfType(DataSource.class)).as("no DataSource beans to shadow Boot's").isEmpty();
        }
        assertThat(logEvents()).extracting(LogEvent::ts).containsExactly(expectedTs);

        Throwable afterShutdown = catchThrowable(() -> administration.delete(RedcapEnvironment.PROD, PROD_PROJECT,
                "alice", ACTOR));

        assertThat(afterShutdown).isInstanceOf(RedcapException.class).hasMessageContaining("closed");
    }

    @Test
    void springWiresItWithoutAClockBean() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(RedcapProperties.class, () -> properties(jdbcUrl));
            context.registerBean(SecureRandomTokenValueGenerator.class);
            context.registerBean(SimpleMeterRegistry.class);
            context.registerBean(DatabaseTokenAdministration.class);
            context.refresh();
            assertThat(context.getBean(DatabaseTokenAdministration.class).create(RedcapEnvironment.PROD, PROD_PROJECT,
                    "bob", new TokenRights(true, false, false), ACTOR)).isNotNull();
        }
    }

    @Test
    void redactionBlanksEveryRunOfHexLongEnoughToBeAToken() {
        assertThat(DatabaseTokenAdministration.redact(
                "Duplicate entry 'C0FFEE00C0FFEE00C0FFEE00C0FFEE00' for key 'api_token' (id 12, sha abcdef)"))
                .isEqualTo("Duplicate entry '***' for key 'api_token' (id 12, sha abcdef)");
        assertThat(DatabaseTokenAdministration.redact(null)).isNull();
    }
}
