package org.tokengov.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.redcap.RedcapEnvironment.PROD;
import static org.tokengov.notification.MailCatcher.withSubject;
import static org.tokengov.redcap.RedcapEnvironment.QA;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.lifecycle.TokenLifecycles;
import org.tokengov.notification.MailCatcher.Mail;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenState;
import org.tokengov.testsupport.RealServers;

/**
 * The token lifecycle's mails over real SMTP: renewal notice and reminders (with the renewal task's link), renewal,
 * expiry, revocation, suspension and reinstatement (holder and the project's PI from REDCap's User Rights told; the
 * fix's review and the reinstatement go to specialists and administrators), and a compromised token. Engine time is
 * moved with {@link ClockUtil}; each test fires its lifecycle's timers and runs its lifecycle's jobs itself.
 */
@ContextConfiguration(initializers = LifecycleMailIT.OwnServers.class)
class LifecycleMailIT extends MailITBase {

    /** A context of its own: its holders have no tokens from other test classes. */
    static class OwnServers extends RealServers {
    }

    @Autowired TokenLifecycles lifecycles;

    @AfterEach
    void noTokenAndNoUnescapedHtml() {
        assertReceivedAndQueuedMailsHoldNoTokenAndNoUnescapedHtml();
    }

    @Test
    void theRenewalNoticeAndBothRemindersLinkToTheRenewalTaskAndAConfirmedRenewalIsAnnounced() {
        IssuedToken token = issue("bob", QA, 201);
        String expiresOn = day(token);

        fire(token, "Timer_RenewalNoticeDue");
        Task renewal = task(token, "Task_ConfirmRenewal");
        assertThat(sent()).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Your QA API token on REDCap project 201 expires on " + expiresOn);
            assertThat(mail.to()).containsExactly("bob@example.org");
            assertThat(mail.linksTo(renewal.getId())).as("links to the renewal task").isTrue();
        });

        fire(token, "Timer_FirstRenewalReminder");
        fire(token, "Timer_LastRenewalReminder");
        assertThat(sent()).hasSize(2).allSatisfy(mail -> {
            assertThat(mail.subject()).isEqualTo("Reminder: your QA API token on REDCap project 201 expires on " + expiresOn);
            assertThat(mail.to()).containsExactly("bob@example.org");
            assertThat(mail.linksTo(renewal.getId())).as("a reminder links to the task it is about").isTrue();
        });

        people.complete("bob", List.of("api-requesters"), renewal, Map.of("stillNeeded", true, "usageUnchanged", true,
                "fairUseReattested", true));
        IssuedToken renewed = registry.find(token.id()).orElseThrow();
        assertThat(renewed.expiresAt()).isAfter(token.expiresAt());
        assertThat(sent()).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Renewed: your QA API token on REDCap project 201 now expires on "
                    + day(renewed));
            assertThat(mail.to()).containsExactly("bob@example.org");
        });
    }

    @Test
    void anUnconfirmedTokenExpiresAndItsHolderIsTold() {
        IssuedToken token = issue("alice", QA, 201);
        fire(token, "Timer_RenewalNoticeDue");
        sent();

        fire(token, "Timer_TokenExpires");
        assertThat(registry.find(token.id()).orElseThrow().state()).isEqualTo(TokenState.EXPIRED);
        assertThat(sent()).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Expired: QA API token on REDCap project 201");
            assertThat(mail.to()).containsExactly("alice@example.org");
            assertThat(mail.text()).contains("no longer works (EXPIRED)", "start a new token request");
        });
    }

    @Test
    void aTokenNoLongerNeededIsRevokedAndItsHolderIsTold() {
        IssuedToken token = issue("alice", PROD, 101);
        fire(token, "Timer_RenewalNoticeDue");
        sent();

        people.complete("alice", List.of("api-requesters"), task(token, "Task_ConfirmRenewal"), Map.of("stillNeeded", false,
                "renewalComments", "The study <b>ended</b> & the export stops."));
        runLifecycleJobs(token);
        assertThat(registry.find(token.id()).orElseThrow().revocationReason()).isEqualTo("NO_LONGER_NEEDED");
        assertThat(sent()).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Revoked: PROD API token on REDCap project 101");
            assertThat(mail.to()).containsExactly("alice@example.org");
            assertThat(mail.text()).contains("(NO_LONGER_NEEDED)");
        });
    }

    @Test
    void aSuspensionTellsTheHolderAndThePiAndItsReviewAndReinstatementGoToSpecialistsAndAdministrators() {
        IssuedToken token = issue("bob", PROD, 101);
        String reason = "Full exports every 5 s <img src=x onerror=alert(1)> & no filter";

        lifecycles.suspend(token.id(), reason, "ada");
        runLifecycleJobs(token);
        Task retest = task(token, "Task_RetestFixInQa");
        List<Mail> suspension = sent();
        assertThat(suspension).extracting(Mail::subject).containsExactlyInAnyOrder(
                "Suspended: your PROD API token on REDCap project 101",
                "Suspended: an API token on your REDCap project 101");
        Mail toHolder = withSubject(suspension, "Suspended: your PROD API token on REDCap project 101");
        assertThat(toHolder.to()).containsExactly("bob@example.org");
        assertThat(toHolder.linksTo(retest.getId())).as("the holder's mail links to 'Fix and re-test in QA'").isTrue();
        Mail toPi = withSubject(suspension, "Suspended: an API token on your REDCap project 101");
        assertThat(toPi.to()).as("the project's users with User Rights in REDCap, not the holder").containsExactly("pat@example.org");
        for (Mail mail : suspension) {
            assertThat(mail.text()).contains(reason);
            assertThat(mail.html()).contains("&lt;img src=x onerror=alert(1)&gt; &amp; no filter").doesNotContain("<img");
        }

        people.complete("bob", List.of("api-requesters"), retest, Map.of("codeRepositoryUrl", "https://git.example.org/bob/export",
                "codeCommit", "0badc0de", "testSummary", "Incremental export with dateRangeBegin, tested in QA for a week."));
        Task review = task(token, "Task_ReviewFix");
        assertThat(sent()).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Waiting for you: Review the fix of bob for project 101");
            assertThat(mail.to()).containsExactlyInAnyOrder("sam@example.org", "rita@example.org");
            assertThat(mail.linksTo(review.getId())).isTrue();
        });

        people.complete("sam", List.of("api-specialists"), review, Map.of("fixReviewOutcome", "APPROVED"));
        Task approval = task(token, "Task_ApproveReinstatement");
        assertThat(sent()).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Waiting for you: Approve reinstatement of bob's token (project 101)");
            assertThat(mail.to()).containsExactlyInAnyOrder("ada@example.org", "rita@example.org");
            assertThat(mail.linksTo(approval.getId())).isTrue();
        });

        people.complete("ada", List.of("redcap-admins"), approval, Map.of("reinstatementDecision", "APPROVED"));
        runLifecycleJobs(token);
        assertThat(registry.find(token.id()).orElseThrow().state()).isEqualTo(TokenState.ACTIVE);
        List<Mail> reinstatement = sent();
        assertThat(reinstatement).extracting(Mail::subject).containsExactlyInAnyOrder(
                "Reinstated: your PROD API token on REDCap project 101",
                "Reinstated: an API token on your REDCap project 101");
        assertThat(withSubject(reinstatement, "Reinstated: your PROD API token on REDCap project 101").to())
                .containsExactly("bob@example.org");
        assertThat(withSubject(reinstatement, "Reinstated: an API token on your REDCap project 101").to())
                .as("the PI who was told of the suspension hears of its end").containsExactly("pat@example.org");
    }

    @Test
    void aCompromisedTokenIsRegeneratedAndTheHolderAndTheAdministratorsAreTold() {
        IssuedToken token = issue("erin", QA, 201);

        lifecycles.reportCompromised(token.id(), "erin");
        runLifecycleJobs(token);
        rememberTokensInRedcap();
        assertThat(registry.find(token.id()).orElseThrow().fingerprint()).isNotEqualTo(token.fingerprint());

        List<Mail> compromise = sent();
        assertThat(compromise).extracting(Mail::subject).containsExactlyInAnyOrder("Your REDCap API token was regenerated",
                "Compromised API token regenerated: erin");
        assertThat(withSubject(compromise, "Your REDCap API token was regenerated").to()).containsExactly("erin@example.org");
        assertThat(withSubject(compromise, "Compromised API token regenerated: erin").to())
                .containsExactlyInAnyOrder("ada@example.org", "rita@example.org");
        assertThat(withSubject(compromise, "Your REDCap API token was regenerated").text())
                .contains("read the new token on the project's API page");
    }

    /** Issued as in every mail IT, and checked that the new token is among the values no mail may hold. */
    @Override
    IssuedToken issue(String holder, RedcapEnvironment environment, long projectId) {
        IssuedToken token = super.issue(holder, environment, projectId);
        assertThat(tokens).hasSizeGreaterThan(2);
        return token;
    }

    /** The passing of time up to the timer: the engine's clock moves there and the timer's job runs, then its steps. */
    private void fire(IssuedToken token, String timerId) {
        Job timer = management.createJobQuery().processInstanceId(lifecycleOf(token).getId()).activityId(timerId)
                .timers().singleResult();
        assertThat(timer).as(timerId).isNotNull();
        ClockUtil.setCurrentTime(timer.getDuedate());
        management.executeJob(timer.getId());
        runLifecycleJobs(token);
    }

    private static String day(IssuedToken token) {
        return token.expiresAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
