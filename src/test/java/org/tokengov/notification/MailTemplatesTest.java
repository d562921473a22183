package org.tokengov.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

    static final NotificationProperties PROPERTIES = new NotificationProperties("redcap-api@example.org",
            "https://tasks.example.org/camunda/app/tasklist/", Duration.ofSeconds(10), 50, Duration.ofMinutes(1),
            Duration.ofHours(1), 10, Duration.ofMinutes(5));

    final MailTemplates templates = new MailTemplates(PROPERTIES);

    @Test
    void userTextIsEscapedInTheHtmlPartAndKeptAsWrittenInTheTextPart() {
        RenderedMail mail = templates.notice("We received your request",
                "How you will use it: <script>alert(1)</script> & \"more\"", null);

        assertThat(mail.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;")
                .doesNotContain("<script>");
        assertThat(mail.text()).contains("How you will use it: <script>alert(1)</script> & \"more\"");
    }

    @Test
    void aMailAboutATaskLinksToItInBothParts() {
        RenderedMail mail = templates.notice("Changes requested", "Change it.", "task-42");

        String link = "https://tasks.example.org/camunda/app/tasklist/default/#/?task=task-42";
        assertThat(mail.text()).contains("Open the task in Tasklist: " + link);
        assertThat(mail.html()).contains("href=\"" + link + "\"");
    }

    @Test
    void aMailWithoutTaskLinksToTasklist() {
        RenderedMail mail = templates.notice("Revoked", "Your token no longer works.", null);

        assertThat(mail.text()).contains("Tasklist: https://tasks.example.org/camunda/app/tasklist/")
                .doesNotContain("?task=");
    }

    @Test
    void theTaskMailNamesTheTaskItsDueDayAndItsLinkAndEscapesTheName() {
        RenderedMail mail = templates.taskWaiting(new WaitingTask("t-1", "Task_ReviewCode",
                "Review API code of <b>bob</b> for project 101", "2026-12-01"));

        assertThat(mail.subject()).isEqualTo("Waiting for you: Review API code of <b>bob</b> for project 101");
        assertThat(mail.text()).contains("A task waits for you in Tasklist: Review API code of <b>bob</b> for project 101",
                "Claim the review in Tasklist (filter 'Code reviews')", "Due: 2026-12-01",
                "Open the task in Tasklist: https://tasks.example.org/camunda/app/tasklist/default/#/?task=t-1");
        assertThat(mail.html()).contains("Review API code of &lt;b&gt;bob&lt;/b&gt; for project 101")
                .doesNotContain("<b>bob");
    }

    @Test
    void theQaTaskMailSaysWhereToReadTheQaToken() {
        RenderedMail mail = templates.taskWaiting(new WaitingTask("t-2", "Task_DevelopAndTestInQa",
                "Develop and test in QA (project 201)", null));

        assertThat(mail.subject()).isEqualTo("Your QA API token is ready: Develop and test in QA (project 201)");
        assertThat(mail.text()).contains("open the project's API page to read it").doesNotContain("Due:");
        assertThat(mail.html()).contains("open the project&#39;s API page to read it");
    }

    @Test
    void retriesBackOffDoublingUpToTheMaximum() {
        assertThat(PROPERTIES.retryAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(PROPERTIES.retryAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(PROPERTIES.retryAfter(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(PROPERTIES.retryAfter(50)).isEqualTo(Duration.ofHours(1));
    }
}
