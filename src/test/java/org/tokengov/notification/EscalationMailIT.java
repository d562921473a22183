package org.tokengov.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.notification.MailCatcher.withSubject;
import static org.tokengov.redcap.RedcapEnvironment.PROD;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.notification.MailCatcher.Mail;
import org.tokengov.testsupport.RealServers;

/**
 * Escalations over real SMTP: a code review nobody does is reminded to the specialists and, at its deadline, closes
 * the request with word to the requester and the REDCap administrators; an access review the PI leaves unanswered is
 * reminded to the PI and then escalated to the administrators, each mail with the review task's link.
 */
@ContextConfiguration(initializers = EscalationMailIT.OwnServers.class)
class EscalationMailIT extends MailITBase {

    /** A context of its own: the access review sees every live token. */
    static class OwnServers extends RealServers {
    }

    @AfterEach
    void noTokenAndNoUnescapedHtml() {
        MailCatcher.assertNoTokenAndNoUnescapedHtml(withOutbox(received), tokens);
    }

    @Test
    void anUndoneCodeReviewIsRemindedThenClosedWithWordToTheRequesterAndTheAdministrators() {
        ProcessInstance request = people.requestUntilQaToken("alice");
        rememberTokensInRedcap();
        testedInQa("alice", request);
        Task review = task(request, "Task_ReviewCode");
        sent();

        fire(request, "Timer_ReviewReminder");
        assertThat(sent()).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo(tagged(request, "Reminder: API code review waiting for alice (project 101)"));
            assertThat(mail.to()).containsExactlyInAnyOrder("sam@example.org", "rita@example.org");
            assertThat(mail.linksTo(review.getId())).isTrue();
        });

        fire(request, "Timer_ReviewDeadline");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(request.getId()).count()).isZero();
        List<Mail> closed = sent();
        assertThat(closed).extracting(Mail::subject).containsExactlyInAnyOrder(
                tagged(request, "Your API token request for REDCap project 101 was closed"),
                tagged(request, "Escalation: Your API token request for REDCap project 101 was closed"));
        assertThat(withSubject(closed, tagged(request, "Your API token request for REDCap project 101 was closed")).to())
                .containsExactly("alice@example.org");
        Mail escalation = withSubject(closed, tagged(request, "Escalation: Your API token request for REDCap project 101 was closed"));
        assertThat(escalation.to()).containsExactlyInAnyOrder("ada@example.org", "rita@example.org");
        assertThat(escalation.text()).contains(request.getId(), "of alice", "Check the review and approval queues");
    }

    @Test
    void anUnansweredAccessReviewIsRemindedToThePiThenEscalatedToTheAdministratorsWithTheTaskLink() {
        issue("bob", PROD, 101);
        sent();

        Job start = management.createJobQuery().timers().activityId("StartEvent_AccessReviewDue").singleResult();
        assertThat(start).as("the quarterly access review timer").isNotNull();
        management.executeJob(start.getId());
        ProcessInstance reviews = runtime.createProcessInstanceQuery().processDefinitionKey("AccessReviewProcess")
                .singleResult();
        runJobs(reviews);
        Task review = tasks.createTaskQuery().processInstanceId(reviews.getId()).taskDefinitionKey("Task_ReviewProjectAccess")
                .taskNameLike("%project 101 (PROD)%").singleResult();
        assertThat(review).isNotNull();
        assertThat(prod101(sent())).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).startsWith("Review API access to REDCap project 101 (PROD) by ");
            assertThat(mail.to()).as("the PI from REDCap's User Rights").containsExactly("pat@example.org");
            assertThat(mail.text()).contains("bob");
            assertThat(mail.linksTo(review.getId())).isTrue();
        });

        fireOn(review, "Timer_ReviewDeadline");
        assertThat(prod101(sent())).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Reminder: review API access to REDCap project 101 (PROD)");
            assertThat(mail.to()).containsExactly("pat@example.org");
            assertThat(mail.linksTo(review.getId())).as("a reminder links to the task it is about").isTrue();
        });

        fireOn(review, "Timer_ReviewEscalation");
        assertThat(prod101(sent())).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Overdue access review: REDCap project 101 (PROD)");
            assertThat(mail.to()).containsExactlyInAnyOrder("ada@example.org", "rita@example.org");
            assertThat(mail.text()).contains("asked: pat");
            assertThat(mail.linksTo(review.getId())).as("the administrators may now answer the task: its link").isTrue();
        });
    }

    private static List<Mail> prod101(List<Mail> mails) {
        return mails.stream().filter(mail -> mail.subject().contains("REDCap project 101 (PROD)")).toList();
    }

    /** {@link #fire} for a timer on one task of a multi-instance (one project's review). */
    private void fireOn(Task task, String timerId) {
        Job timer = management.createJobQuery().processInstanceId(task.getProcessInstanceId()).activityId(timerId).timers()
                .list().stream().filter(job -> task.getExecutionId().equals(job.getExecutionId())
                        || isParent(job.getExecutionId(), task.getExecutionId()))
                .findFirst().orElseThrow(() -> new AssertionError(timerId + " of " + task.getName()));
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1_000));
        management.executeJob(timer.getId());
        runJobs(runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult());
    }

    private boolean isParent(String candidate, String executionId) {
        var execution = (org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity) runtime.createExecutionQuery()
                .executionId(executionId).singleResult();
        return execution != null && candidate.equals(execution.getParentId());
    }
}
