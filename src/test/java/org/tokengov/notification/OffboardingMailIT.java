package org.tokengov.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.notification.MailCatcher.withSubject;
import static org.tokengov.redcap.RedcapEnvironment.PROD;
import static org.tokengov.redcap.RedcapEnvironment.QA;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.notification.MailCatcher.Mail;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenState;
import org.tokengov.testsupport.HrWebhookClient;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.RealServers;

/**
 * The offboarding report over real SMTP: HR's signed webhook says a person left; every token of theirs is revoked,
 * the PI of each project (from REDCap's User Rights) is told which of their projects lost a token, the REDCap
 * administrators get the whole report, and the holder hears of each revoked token. No Keycloak: the embedded identity
 * store answers who has which address.
 */
@ContextConfiguration(initializers = OffboardingMailIT.OwnServers.class)
class OffboardingMailIT extends MailITBase {

    static final String SECRET = "hr-" + UUID.randomUUID();

    static class OwnServers extends RealServers {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues.of("tokengov.hr.webhook-secret=" + SECRET).applyTo(context);
        }
    }

    @Test
    void thePiOfEachProjectAndTheAdministratorsGetTheReportAndNoMailHoldsAToken() {
        IssuedToken prod = issue("bob", PROD, 101);
        IssuedToken qa = issue("bob", QA, 201);
        assertThat(tokens).hasSizeGreaterThan(3);

        HttpResponse<String> answer = new HrWebhookClient(RealServers.baseUrl(context), SECRET)
                .deliver(HrWebhookClient.event("person.terminated", "bob", null, Instant.now()));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        Jobs.runDue(management);
        assertThat(registry.find(prod.id()).orElseThrow().state()).isEqualTo(TokenState.REVOKED);
        assertThat(registry.find(qa.id()).orElseThrow().state()).isEqualTo(TokenState.REVOKED);

        sendAll();
        List<Mail> mails = smtp.all();
        assertThat(mails).extracting(Mail::subject).containsExactlyInAnyOrder("API access removed: bob",
                "Offboarding of bob: 2 token(s) revoked", "Revoked: PROD API token on REDCap project 101",
                "Revoked: QA API token on REDCap project 201");
        Mail toPi = withSubject(mails, "API access removed: bob");
        assertThat(toPi.to()).as("pat has User Rights on both projects: one mail").containsExactly("pat@example.org");
        assertThat(toPi.text()).contains("bob left the organisation", "PROD project 101", "QA project 201");
        Mail toAdmins = withSubject(mails, "Offboarding of bob: 2 token(s) revoked");
        assertThat(toAdmins.to()).containsExactlyInAnyOrder("ada@example.org", "rita@example.org");
        assertThat(toAdmins.text()).contains("PROD project 101", "QA project 201", "GET /api/offboardings/");
        assertThat(smtp.mailsTo("bob@example.org")).as("the holder hears of each token, and of nothing else")
                .hasSize(2).allSatisfy(mail -> {
                    assertThat(mail.to()).containsExactly("bob@example.org");
                    assertThat(mail.subject()).startsWith("Revoked: ");
                    assertThat(mail.text()).contains("(OFFBOARDING)");
                });

        MailCatcher.assertNoTokenAndNoUnescapedHtml(withOutbox(mails), tokens);
    }

    @Test
    void aPersonWhoLeftOneProjectIsReportedToThatProjectsPiOnly() {
        IssuedToken prod = issue("alice", PROD, 101);
        IssuedToken qa = issue("alice", QA, 201);

        HttpResponse<String> answer = new HrWebhookClient(RealServers.baseUrl(context), SECRET)
                .deliver(HrWebhookClient.event("person.left_project", "alice", 101L, Instant.now()));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        Jobs.runDue(management);
        assertThat(registry.find(prod.id()).orElseThrow().state()).isEqualTo(TokenState.REVOKED);
        assertThat(registry.find(qa.id()).orElseThrow().state()).as("another project's token stays").isEqualTo(TokenState.QA_ACTIVE);

        sendAll();
        List<Mail> mails = smtp.all();
        String accessEnds = "REDCap: alice's access to project 101 ends on "
                + java.time.LocalDate.now(java.time.ZoneId.of("America/New_York"));
        assertThat(mails).extracting(Mail::subject).containsExactlyInAnyOrder("API access removed: alice",
                "Offboarding of alice: 1 token(s) revoked", "Revoked: PROD API token on REDCap project 101", accessEnds);
        assertThat(withSubject(mails, accessEnds).to()).as("the project's PI and the administrators")
                .containsExactlyInAnyOrder("pat@example.org", "ada@example.org", "rita@example.org");
        assertThat(withSubject(mails, accessEnds).text()).contains("PROD project 101: access ends on");
        assertThat(withSubject(mails, "Revoked: PROD API token on REDCap project 101").to()).containsExactly("alice@example.org");
        Mail toPi = withSubject(mails, "API access removed: alice");
        assertThat(toPi.to()).containsExactly("pat@example.org");
        assertThat(toPi.text()).contains("alice left REDCap project 101", "PROD project 101").doesNotContain("QA project 201");
        assertThat(withSubject(mails, "Offboarding of alice: 1 token(s) revoked").to())
                .containsExactlyInAnyOrder("ada@example.org", "rita@example.org");

        MailCatcher.assertNoTokenAndNoUnescapedHtml(withOutbox(mails), tokens);
    }
}
