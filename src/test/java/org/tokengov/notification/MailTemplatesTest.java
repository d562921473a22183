package org.tokengov.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

    static final NotificationProperties PROPERTIES = new NotificationProperties("redcap-api@example.org",
            "https://tasks.example.org/camunda/app/tasklist/", Duration.ofSeconds(10), 50, Duration.ofMinutes(1),
            Duration.ofHours(1), 10, Duration.ofMinutes(5));

    final MailTemplates templates = new MailTemplates(PROPERTIES);

    @Test
    void userTextIsEscapedInTheHtmlPartAndKeptAsWrittenInTheTextPart() {
        RenderedMail mail = templates.render(MailKind.CHANGES_REQUESTED,
                Map.of("project", 101L, "comments", "Please <script>alert(1)</script> & \"more\"\nSecond line"), null);

        assertThat(mail.subject()).isEqualTo("Changes requested: your API code for REDCap project 101");
        assertThat(mail.html()).contains("Please &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;")
                .doesNotContain("<script>");
        assertThat(mail.text()).contains("The reviewer's comments:\nPlease <script>alert(1)</script> & \"more\"\n"
                + "Second line");
    }

    @Test
    void aMailAboutARequestEndsItsSubjectWithTheRequestNumberOnce() {
        Map<String, Object> model = Map.of("project", 101L, "comments", "");

        assertThat(templates.render(MailKind.CHANGES_REQUESTED, model, null, "REQ-2026-0042").subject())
                .isEqualTo("Changes requested: your API code for REDCap project 101 [REQ-2026-0042]");
        assertThat(templates.render(MailKind.CHANGES_REQUESTED, model, null, null).subject())
                .isEqualTo("Changes requested: your API code for REDCap project 101");
        assertThat(templates.render(MailKind.REQUEST_REJECTED, Map.of("number", "REQ-2026-0042", "project", 101L,
                "reason", "no"), null, "REQ-2026-0042").subject()).endsWith("[REQ-2026-0042]").doesNotContain("] [");
    }

    @Test
    void aSubjectLineOfUserTextIsEscapedInTheHtmlTitle() {
        RenderedMail mail = templates.render(MailKind.TOKEN_REGENERATED_TO_ADMINS, Map.of("environment", "PROD",
                "project", 101L, "holder", "<b>erin</b>", "reportedBy", "sam"), null);

        assertThat(mail.subject()).isEqualTo("Compromised API token regenerated: <b>erin</b>");
        assertThat(mail.html()).contains("<title>Compromised API token regenerated: &lt;b&gt;erin&lt;/b&gt;</title>")
                .doesNotContain("<b>erin");
    }

    @Test
    void aMailAboutATaskLinksToItInBothParts() {
        RenderedMail mail = templates.render(MailKind.CHANGES_REQUESTED, Map.of("project", 101L, "comments", ""),
                "task-42");

        String link = "https://tasks.example.org/camunda/app/tasklist/default/#/?task=task-42";
        assertThat(mail.text()).contains("Open the task in Tasklist: " + link);
        assertThat(mail.html()).contains("href=\"" + link + "\"");
    }

    @Test
    void aMailWithoutTaskLinksToTasklist() {
        RenderedMail mail = templates.render(MailKind.TOKEN_REVOKED,
                Map.of("environment", "QA", "project", 201L, "reason", "INACTIVITY"), null);

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
