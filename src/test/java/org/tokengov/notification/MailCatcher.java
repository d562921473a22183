package org.tokengov.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.TestDatabases;

/**
 * A real SMTP server (GreenMail) on a free port of 127.0.0.1 for one test context, the context's mail settings
 * pointing at it, and what the tests read and check in the mails it received. The dispatcher's own schedule is an
 * hour, so the tests decide when the outbox is sent ({@link MailITBase#sendAll()}).
 */
final class MailCatcher {

    /**
     * Gives the context being made a catcher of its own: its mails go there and its tests autowire it. The server
     * runs as long as the context, not its first test class: Spring's cache may hand the context to another class.
     */
    static final class ForContext implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            MailCatcher smtp = new MailCatcher();
            TestPropertyValues.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + smtp.port,
                    "spring.mail.properties.mail.smtp.connectiontimeout=2000",
                    "spring.mail.properties.mail.smtp.timeout=2000",
                    "tokengov.notification.dispatch-interval=PT1H").applyTo(context);
            context.getBeanFactory().registerSingleton("mailCatcher", smtp);
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    smtp.stop();
                }
            });
        }
    }

    /** The only tags the mail layout writes: any other tag in an HTML part came from unescaped text. */
    private static final Set<String> LAYOUT_TAGS = Set.of("html", "head", "meta", "title", "body", "p", "span", "br",
            "a", "hr");
    private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*([A-Za-z][A-Za-z0-9:-]*)");

    private final int port = RealServers.freePort();
    private GreenMail server;

    private MailCatcher() {
        start();
    }

    void start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    void stop() {
        server.stop();
    }

    void purge() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mails received, oldest first, one per message (not one per recipient's copy). */
    List<Mail> all() {
        Map<String, Mail> byId = new LinkedHashMap<>();
        try {
            for (MimeMessage message : server.getReceivedMessages()) {
                List<String> to = new ArrayList<>();
                for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
                    to.add(recipient.toString());
                }
                byId.putIfAbsent(message.getMessageID(), new Mail(to, message.getSubject(), part(message, "text/plain"),
                        part(message, "text/html")));
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
        return new ArrayList<>(byId.values());
    }

    /** The mails received for one address, oldest first. */
    List<Mail> mailsTo(String address) {
        return all().stream().filter(mail -> mail.to().contains(address)).toList();
    }

    /** The single mail among {@code mails} with this subject. */
    static Mail withSubject(List<Mail> mails, String subject) {
        List<Mail> found = mails.stream().filter(mail -> subject.equals(mail.subject())).toList();
        assertThat(found).as("mails with subject '%s' among %s", subject, mails.stream().map(Mail::subject).toList())
                .hasSize(1);
        return found.get(0);
    }

    /** Every mail ever queued in this context's outbox, sent or not. */
    static List<Mail> outbox(JdbcTemplate jdbc) {
        return jdbc.query("select recipients, subject, text_body, html_body from mail_outbox order by id",
                (rs, row) -> new Mail(rs.getString(1) == null ? List.of() : List.of(rs.getString(1).split(",")),
                        rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    /**
     * What no mail may contain: every API token REDCap holds right now (project tokens in {@code redcap_user_rights},
     * super tokens in {@code redcap_user_information}) in QA and PROD, read from the simulator's databases, plus the
     * app's steward tokens. Call it whenever a token value is made, before it is deleted.
     */
    static Set<String> tokensInRedcap(ConfigurableApplicationContext context) {
        Set<String> tokens = new LinkedHashSet<>(List.of(RealServers.QA_STEWARD_TOKEN, RealServers.PROD_STEWARD_TOKEN));
        for (String environment : List.of("qa", "prod")) {
            JdbcTemplate redcap = new JdbcTemplate(new DriverManagerDataSource(context.getEnvironment()
                    .getRequiredProperty("redcap-sim.environments." + environment + ".jdbc-url"),
                    TestDatabases.MARIADB_USER, ""));
            tokens.addAll(redcap.queryForList("select api_token from redcap_user_rights where api_token is not null",
                    String.class));
            tokens.addAll(redcap.queryForList("select api_token from redcap_user_information where api_token is not null",
                    String.class));
        }
        return tokens;
    }

    /** No mail holds any of the token values, and no HTML part has a tag the layout does not write itself. */
    static void assertNoTokenAndNoUnescapedHtml(Collection<Mail> mails, Collection<String> tokens) {
        assertThat(tokens).as("token values to look for").isNotEmpty().allSatisfy(token -> assertThat(token).hasSizeGreaterThanOrEqualTo(32));
        assertThat(mails).isNotEmpty().allSatisfy(mail -> {
            String whole = mail.subject() + "\n" + mail.text() + "\n" + mail.html();
            for (String token : tokens) {
                // A failure names the token by its first characters only: test output must not carry a secret either.
                assertThat(whole.toLowerCase(Locale.ROOT).contains(token.toLowerCase(Locale.ROOT)))
                        .as("mail '%s' holds the token starting %s…", mail.subject(), token.substring(0, 6)).isFalse();
            }
            assertThat(mail.html()).as("HTML part of '%s'", mail.subject()).isNotNull();
            Matcher tag = TAG.matcher(mail.html());
            while (tag.find()) {
                assertThat(tag.group(1).toLowerCase()).as("a tag in the HTML part of '%s'", mail.subject())
                        .isIn(LAYOUT_TAGS);
            }
        });
    }

    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = part(body, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** One received (or queued) mail: its To addresses, subject, and the text and HTML parts. */
    record Mail(List<String> to, String subject, String text, String html) {

        /** Whether both parts link to this task in Tasklist. */
        boolean linksTo(String taskId) {
            return text != null && html != null && text.contains("default/#/?task=" + taskId)
                    && html.contains("default/#/?task=" + taskId);
        }
    }
}
