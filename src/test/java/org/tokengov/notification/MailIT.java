package org.tokengov.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.testsupport.CodeReviews;
import org.tokengov.notification.MailCatcher.Mail;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * Mails of the request pipeline over real SMTP (GreenMail in this JVM), with the engine on PostgreSQL and the REDCap
 * simulator on MariaDB. The dispatcher is driven by the tests (its schedule is an hour here).
 */
@ContextConfiguration(initializers = RealServers.class)
class MailIT extends MailITBase {

    @Test
    void eachStepOfTheRequestMailsThePeopleItConcernsWithTheTaskLinkAndNoToken() throws Exception {
        ProcessInstance request = people.submitRequest("bob",
                "Nightly export <script>alert(1)</script> of new visits, by date.");
        Jobs.runDue(management);
        sendAll();
        Task qaTesting = task(request, "Task_DevelopAndTestInQa");
        assertThat(smtp.mailsTo("bob@example.org")).extracting(Mail::subject).containsExactly(
                tagged(request, "We received your API token request for REDCap project 101"),
                "Your QA API token is ready: " + numbered(request, "Develop and test in QA (project 201)"));
        Mail receipt = smtp.mailsTo("bob@example.org").get(0);
        assertThat(receipt.text()).contains("<script>alert(1)</script>");
        assertThat(receipt.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
        assertThat(smtp.mailsTo("bob@example.org").get(1).text()).contains("default/#/?task=" + qaTesting.getId());

        smtp.purge();
        testedInQa("bob", request);
        Task review = task(request, "Task_ReviewCode");
        sendAll();
        assertThat(smtp.mailsTo("sam@example.org")).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Waiting for you: " + numbered(request, "Review API code of bob for project 101"));
            assertThat(mail.text()).contains("?task=" + review.getId());
            assertThat(mail.html()).contains("?task=" + review.getId());
        });
        assertThat(smtp.mailsTo("rita@example.org")).extracting(Mail::subject).contains("Waiting for you: " + numbered(request, "Review API code of bob for project 101"));

        smtp.purge();
        people.complete("sam", List.of("api-specialists"), review, Map.of("codeReviewOutcome", "CHANGES_REQUESTED",
                "codeReviewComments", "Please <b>filter</b> by date & page the export."));
        sendAll();
        Task retest = task(request, "Task_DevelopAndTestInQa");
        // One mail for the new QA task: the review outcome, with the comments and the task's link.
        assertThat(smtp.mailsTo("bob@example.org")).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo(tagged(request, "Changes requested: your API code for REDCap project 101"));
            assertThat(mail.text()).contains("Please <b>filter</b> by date & page the export.", "?task=" + retest.getId());
            assertThat(mail.html()).contains("Please &lt;b&gt;filter&lt;/b&gt; by date &amp; page the export.")
                    .doesNotContain("<b>filter");
        });

        testedInQa("bob", request);
        people.complete("sam", List.of("api-specialists"), task(request, "Task_ReviewCode"),
                CodeReviews.approved("Looks good."));
        Task approval = task(request, "Task_ApproveRelease");
        smtp.purge();
        sendAll();
        assertThat(smtp.mailsTo("bob@example.org")).extracting(Mail::subject)
                .containsExactly(tagged(request, "Code review passed: your API token request for REDCap project 101"));
        assertThat(smtp.mailsTo("ada@example.org")).extracting(Mail::subject)
                .containsExactly("Waiting for you: " + numbered(request, "Approve production release for bob on project 101"));

        smtp.purge();
        people.complete("ada", List.of("redcap-admins"), approval,
                Map.of("adminDecision", "APPROVED", "adminComments", "Approved for nightly use."));
        Jobs.runDue(management);
        sendAll();
        assertThat(smtp.mailsTo("bob@example.org")).extracting(Mail::subject).containsExactly(
                tagged(request, "Release approved: your API token request for REDCap project 101"),
                tagged(request, "Your production API token for REDCap project 101 is ready"));

        SimulatorHttp simulator = new SimulatorHttp(RealServers.baseUrl(context));
        List<String> secrets = List.of(simulator.tokenOf("qa", "bob", 201), simulator.tokenOf("prod", "bob", 101),
                RealServers.QA_STEWARD_TOKEN, RealServers.PROD_STEWARD_TOKEN);
        List<Mail> everything = MailCatcher.outbox(jdbc);
        assertThat(everything).hasSizeGreaterThan(8).allSatisfy(mail -> {
            for (String secret : secrets) {
                assertThat(mail.subject() + mail.text() + mail.html()).doesNotContainIgnoringCase(secret);
            }
            assertThat(mail.html()).doesNotContain("<script>", "<b>filter");
        });
    }

    @Test
    void whileTheMailServerIsDownStepsCompleteAndTheirMailsArriveLater() throws Exception {
        assertThat(mailHealth()).isEqualTo("UP");
        smtp.stop();
        ProcessInstance request;
        try {
            assertThat(mailHealth()).as("the outage shows on /actuator/health").isEqualTo("DOWN");
            request = people.submitRequest("alice",
                    "Nightly export of new visits for the dashboard, by date.");
            Jobs.runDue(management);
            Task qaTesting = task(request, "Task_DevelopAndTestInQa");
            assertThat(qaTesting.getAssignee()).isEqualTo("alice");

            assertThat(dispatcher.sendDue()).isEqualTo(2);
            assertThat(jdbc.queryForList("select status from mail_outbox where to_usernames = 'alice' "
                    + "and attempts = 1 and last_error is not null", String.class)).containsOnly("PENDING").hasSize(2);
            assertThat(dispatcher.sendDue()).as("a failed mail waits for its retry").isZero();
        } finally {
            smtp.start();
        }
        assertThat(mailHealth()).isEqualTo("UP");
        // The backoff would wait a minute: the test lets it pass.
        jdbc.update("update mail_outbox set next_attempt_at = next_attempt_at - interval '1 hour' where status = 'PENDING'");
        sendAll();
        assertThat(smtp.mailsTo("alice@example.org")).extracting(Mail::subject).containsExactly(
                tagged(request, "We received your API token request for REDCap project 101"),
                "Your QA API token is ready: " + numbered(request, "Develop and test in QA (project 201)"));
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where status = 'PENDING'", Integer.class)).isZero();
    }

    /** The mail component of the app's health endpoint, as a monitor reads it. */
    private String mailHealth() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(RealServers.baseUrl(context) + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(health.body()).path("components").path("mail").path("status").asText();
    }
}
