package org.tokengov.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.notification.MailCatcher.withSubject;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.testsupport.CodeReviews;
import org.tokengov.notification.MailCatcher.Mail;
import org.tokengov.testsupport.RealServers;

/**
 * The request pipeline's deadlines other than the code review's, over real SMTP: QA testing and release approval are
 * reminded with their task's link and, at the deadline, close the request with word to the requester and the REDCap
 * administrators; an external requester's sponsor is asked (and reminded) with the confirmation task's link, and a
 * sponsor who declines or never answers ends the request with word to the requester.
 */
@ContextConfiguration(initializers = RequestDeadlineMailIT.OwnServers.class)
class RequestDeadlineMailIT extends MailITBase {

    /** A context of its own: its engine clock is moved to the deadlines. */
    static class OwnServers extends RealServers {
    }

    /** The stewards' tokens at least: the sponsorship tests make no token of their own. */
    @BeforeEach
    void tokensAlreadyInRedcap() {
        rememberTokensInRedcap();
    }

    @AfterEach
    void noTokenAndNoUnescapedHtml() {
        assertReceivedAndQueuedMailsHoldNoTokenAndNoUnescapedHtml();
    }

    @Test
    void qaTestingNobodyFinishesIsRemindedWithItsLinkThenClosedWithWordToTheRequesterAndTheAdministrators() {
        ProcessInstance request = people.requestUntilQaToken("alice");
        rememberTokensInRedcap();
        Task testing = task(request, "Task_DevelopAndTestInQa");
        assertThat(withSubject(sent(), "Your QA API token is ready: " + numbered(request, "Develop and test in QA (project 201)")))
                .satisfies(mail -> {
                    assertThat(mail.to()).containsExactly("alice@example.org");
                    assertThat(mail.linksTo(testing.getId())).isTrue();
                });

        fire(request, "Timer_QaTestingReminder");
        assertThat(sent()).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo(tagged(request, "Reminder: finish QA testing for REDCap project 101"));
            assertThat(mail.to()).containsExactly("alice@example.org");
            assertThat(mail.linksTo(testing.getId())).isTrue();
        });

        fire(request, "Timer_QaTestingDeadline");
        assertClosedForNobodyActing(request, "alice");
    }

    @Test
    void anApprovalNobodyGivesIsRemindedToTheAdministratorsThenClosedWithWordToTheRequesterAndThem() {
        ProcessInstance request = people.requestUntilQaToken("bob");
        rememberTokensInRedcap();
        people.complete("bob", List.of("api-requesters"), task(request, "Task_DevelopAndTestInQa"), Map.of(
                "codeRepositoryUrl", "https://git.example.org/bob/sync", "codeCommit", "c0ffee12",
                "testSummary", "Nightly filtered export in QA for a week."));
        Task review = task(request, "Task_ReviewCode");
        sent();
        people.complete("sam", List.of("api-specialists"), review, CodeReviews.approved("Good use of filters " + HTML));
        Task approval = task(request, "Task_ApproveRelease");
        List<Mail> reviewed = sent();
        assertThat(reviewed).extracting(Mail::subject).containsExactlyInAnyOrder(
                tagged(request, "Code review passed: your API token request for REDCap project 101"),
                "Waiting for you: " + numbered(request, "Approve production release for bob on project 101"));
        assertThat(withSubject(reviewed, tagged(request, "Code review passed: your API token request for REDCap project 101")).html())
                .contains(HTML_ESCAPED);
        Mail toAdmins = withSubject(reviewed, "Waiting for you: " + numbered(request, "Approve production release for bob on project 101"));
        assertThat(toAdmins.to()).containsExactlyInAnyOrder("ada@example.org", "rita@example.org");
        assertThat(toAdmins.linksTo(approval.getId())).isTrue();

        fire(request, "Timer_ApprovalReminder");
        assertThat(sent()).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo(tagged(request, "Reminder: production release approval waiting for bob (project 101)"));
            assertThat(mail.to()).containsExactlyInAnyOrder("ada@example.org", "rita@example.org");
            assertThat(mail.linksTo(approval.getId())).isTrue();
        });

        fire(request, "Timer_ApprovalDeadline");
        assertClosedForNobodyActing(request, "bob");
    }

    @Test
    void theSponsorIsAskedAndRemindedWithTheTaskLinkAndADeclineIsToldToTheRequester() {
        ProcessInstance request = submitAndCheck("erin");
        Task confirmation = task(request, "Task_ConfirmSponsorship");
        List<Mail> asked = sent();
        assertThat(asked).extracting(Mail::subject).containsExactlyInAnyOrder(
                tagged(request, "We received your API token request for REDCap project 101"),
                "Waiting for you: " + numbered(request, "Confirm sponsorship of erin for project 101"));
        assertThat(withSubject(asked, tagged(request, "We received your API token request for REDCap project 101")).to())
                .containsExactly("erin@example.org");
        Mail toSponsor = withSubject(asked, "Waiting for you: " + numbered(request, "Confirm sponsorship of erin for project 101"));
        assertThat(toSponsor.to()).as("the sponsor named in the identity store, nobody else").containsExactly("pat@example.org");
        assertThat(toSponsor.linksTo(confirmation.getId())).isTrue();

        fire(request, "Timer_SponsorshipReminder");
        assertThat(sent()).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo(tagged(request, "Reminder: confirm that you sponsor erin's API token (project 101)"));
            assertThat(mail.to()).containsExactly("pat@example.org");
            assertThat(mail.linksTo(confirmation.getId())).isTrue();
        });

        people.complete("pat", List.of("project-pis"), confirmation, Map.of("sponsorshipConfirmed", false,
                "sponsorComments", "Erin's contract ended " + HTML));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(request.getId()).count()).isZero();
        assertThat(sent()).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo(tagged(request, "Your API token request for REDCap project 101 was rejected"));
            assertThat(mail.to()).containsExactly("erin@example.org");
            assertThat(mail.text()).contains("Sponsor pat did not confirm the sponsorship", "Erin's contract ended");
            assertThat(mail.html()).contains(HTML_ESCAPED);
        });
    }

    @Test
    void aSponsorWhoNeverAnswersEndsTheRequestWithWordToTheRequesterAndTheAdministrators() {
        ProcessInstance request = submitAndCheck("erin");
        task(request, "Task_ConfirmSponsorship");
        sent();

        fire(request, "Timer_SponsorshipDeadline");
        assertClosedForNobodyActing(request, "erin");
    }

    private void assertClosedForNobodyActing(ProcessInstance request, String requester) {
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(request.getId()).count()).isZero();
        List<Mail> closed = sent();
        assertThat(closed).extracting(Mail::subject).containsExactlyInAnyOrder(
                tagged(request, "Your API token request for REDCap project 101 was closed"),
                tagged(request, "Escalation: Your API token request for REDCap project 101 was closed"));
        Mail toRequester = withSubject(closed, tagged(request, "Your API token request for REDCap project 101 was closed"));
        assertThat(toRequester.to()).containsExactly(requester + "@example.org");
        assertThat(toRequester.text()).contains("Nobody completed the step in time");
        Mail escalation = withSubject(closed, tagged(request, "Escalation: Your API token request for REDCap project 101 was closed"));
        assertThat(escalation.to()).containsExactlyInAnyOrder("ada@example.org", "rita@example.org");
        assertThat(escalation.text()).contains(request.getId(), "of " + requester);
    }

    /** Submitted, with the eligibility check run: an external waits for the sponsor's confirmation. */
    private ProcessInstance submitAndCheck(String requester) {
        ProcessInstance request = people.submitRequest(requester);
        runJobs(request);
        return request;
    }
}
