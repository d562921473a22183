package org.tokengov.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.tokengov.identity.PeopleDirectory;
import org.tokengov.identity.Person;

/**
 * The dispatcher over the real outbox table (the Flyway migration on H2): addresses are looked up when it sends, an
 * identity store that cannot answer means a later try (never a lost mail), and a mail naming nobody reachable is set
 * aside instead of being retried for ever.
 */
class MailDispatcherTest {

    final PeopleDirectory people = mock(PeopleDirectory.class);
    final JavaMailSender smtp = mock(JavaMailSender.class);
    final NotificationProperties properties = new NotificationProperties("redcap-api@example.org",
            "http://tasks.example.org/camunda/app/tasklist/", Duration.ofSeconds(10), 50, Duration.ofMinutes(1),
            Duration.ofHours(1), 10, Duration.ofMinutes(5));
    JdbcClient jdbc;
    MailOutbox outbox;
    MailDispatcher dispatcher;

    @BeforeEach
    void outboxTable() throws Exception {
        DriverManagerDataSource database = new DriverManagerDataSource(
                "jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        jdbc = JdbcClient.create(database);
        jdbc.sql(new ClassPathResource("db/migration/common/V9__mail_outbox.sql").getContentAsString(StandardCharsets.UTF_8))
                .update();
        outbox = new MailOutbox(jdbc, Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC));
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("smtp", smtp));
        dispatcher = new MailDispatcher(outbox, new MailAddresses(people), beans.getBeanProvider(JavaMailSender.class),
                properties);
        when(smtp.createMimeMessage()).thenAnswer(call -> new MimeMessage((Session) null));
    }

    @Test
    void looksTheAddressesUpWhenItSends() {
        when(people.find("alice")).thenReturn(Optional.of(person("alice", "alice@example.org")));
        when(people.membersOf("redcap-admins")).thenReturn(List.of(person("ada", "ada@example.org"), person("rita", "")));
        outbox.queue(new Recipients(List.of("alice"), List.of("redcap-admins")), mail(), "task-1");

        assertThat(dispatcher.sendDue()).isEqualTo(1);

        verify(smtp).send(any(MimeMessage.class));
        assertThat(row("status")).isEqualTo("SENT");
        assertThat(row("recipients")).isEqualTo("alice@example.org,ada@example.org");
    }

    @Test
    void anIdentityStoreThatCannotAnswerMeansALaterTry() {
        when(people.find("alice")).thenThrow(new IllegalStateException("Keycloak: connection refused"));
        outbox.queue(new Recipients(List.of("alice"), List.of()), mail(), null);

        dispatcher.sendDue();

        verify(smtp, never()).send(any(MimeMessage.class));
        assertThat(row("status")).isEqualTo("PENDING");
        assertThat(row("last_error")).contains("identity store", "connection refused");
        assertThat(jdbc.sql("select attempts from mail_outbox").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aMailNamingNobodyReachableIsSetAside() {
        when(people.find("carol")).thenReturn(Optional.empty());
        outbox.queue(new Recipients(List.of("carol"), List.of()), mail(), null);

        dispatcher.sendDue();

        verify(smtp, never()).send(any(MimeMessage.class));
        assertThat(row("status")).isEqualTo("NO_ADDRESS");
        assertThat(dispatcher.sendDue()).isZero();
    }

    private String row(String column) {
        return jdbc.sql("select " + column + " from mail_outbox").query(String.class).single();
    }

    private static RenderedMail mail() {
        return new RenderedMail("Your request", "Plain text", "<p>HTML</p>");
    }

    private static Person person(String username, String email) {
        return new Person(username, email, username, true, false, false, null);
    }
}
