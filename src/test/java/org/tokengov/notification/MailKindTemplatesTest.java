package org.tokengov.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * Every kind of mail has its template, every template belongs to a kind, and every template renders with a model of
 * the shape its call sites give (the values {@link MailKind} names, which {@link Notification} enforces), so a typo in
 * a template or a value a template needs but no call site gives fails the build.
 */
class MailKindTemplatesTest {

    static final Map<MailKind, Map<String, Object>> SAMPLES = samples();

    final MailTemplates templates = new MailTemplates(MailTemplatesTest.PROPERTIES);

    private static Map<MailKind, Map<String, Object>> samples() {
        Map<MailKind, Map<String, Object>> samples = new EnumMap<>(MailKind.class);
        Map<String, Object> requestOf = Map.of("requester", "alice", "project", 101L);
        samples.put(MailKind.REQUEST_RECEIVED, Map.of("number", "REQ-2026-0042", "project", 101L, "qaProject", 201L, "intendedUse", "SCHEDULED_EXPORT",
                "usageDescription", "Nightly export", "callSchedule", "02:00 daily", "callsPerDay", 3L));
        samples.put(MailKind.SPONSORSHIP_REMINDER, requestOf);
        samples.put(MailKind.REQUEST_WAITING_FOR_PI, Map.of("project", 101L,
                "missing", "The PI of project 101 has not enabled API import for you."));
        samples.put(MailKind.PI_APPROVAL_REMINDER, requestOf);
        samples.put(MailKind.QA_TESTING_REMINDER, Map.of("project", 101L));
        samples.put(MailKind.CODE_REVIEW_REMINDER, requestOf);
        samples.put(MailKind.RELEASE_APPROVAL_REMINDER, requestOf);
        samples.put(MailKind.CODE_REVIEW_PASSED, Map.of("project", 101L, "comments", "Fine code."));
        samples.put(MailKind.CHANGES_REQUESTED, Map.of("project", 101L, "comments", "Filter by date."));
        samples.put(MailKind.RELEASE_APPROVED, Map.of("project", 101L, "comments", "Off-peak only."));
        samples.put(MailKind.PRODUCTION_TOKEN_READY, Map.of("number", "REQ-2026-0042", "project", 101L));
        samples.put(MailKind.REQUEST_INELIGIBLE, Map.of("number", "REQ-2026-0042", "project", 101L, "reason", "Service accounts get no token."));
        samples.put(MailKind.REQUEST_REJECTED, Map.of("number", "REQ-2026-0042", "project", 101L, "reason", "The code exports every record."));
        samples.put(MailKind.REQUEST_TIMED_OUT, Map.of("number", "REQ-2026-0042", "project", 101L, "reason", "Nobody reviewed the code in time."));
        samples.put(MailKind.REQUEST_REFUSED, Map.of("number", "REQ-2026-0042", "project", 101L, "reason", "no API specialist approved the code"));
        samples.put(MailKind.ISSUANCE_REFUSED_TO_ADMINS, Map.of("what", "a PROD token on REDCap project 101",
                "holder", "alice", "gate", "no API specialist approved the code", "reference", "request req-7"));
        samples.put(MailKind.REQUEST_TIMED_OUT_TO_ADMINS, Map.of("number", "REQ-2026-0042", "project", 101L, "requestId", "req-7",
                "requester", "alice"));
        samples.put(MailKind.SPONSOR_LEFT_HOLD, Map.of("departedSponsor", "pat", "projects", List.of("PROD 101", "QA 201"),
                "due", "2026-05-01"));
        samples.put(MailKind.SPONSOR_REPLACEMENT_NEEDED, Map.of("external", "ext-erin", "departedSponsor", "pat",
                "projects", List.of("PROD 101", "QA 201"), "due", "2026-05-01"));
        samples.put(MailKind.SPONSORED_TOKENS_RELEASED, Map.of("newSponsor", "rita", "newValues", true));
        samples.put(MailKind.SPONSORED_TOKENS_REVOKED, Map.of("count", 2));
        samples.put(MailKind.NEW_SPONSOR, Map.of("external", "ext-erin", "departedSponsor", "pat", "namedBy", "ada"));
        Map<String, Object> succession = Map.of("predecessor", "olga", "successor", "sven", "project", 101L,
                "repository", "https://git.example.org/lab/sync", "commit", "9c1e2d7", "leavingOn", "2026-12-31",
                "namedBy", "pat");
        samples.put(MailKind.SUCCESSOR_NAMED, succession);
        samples.put(MailKind.SUCCESSOR_NAMED_TO_PREDECESSOR, succession);
        samples.put(MailKind.OFFBOARDING_REPORT_TO_PI, Map.of("username", "bob", "leftProject", "", "source", "hr-webhook",
                "projects", List.of("PROD project 101", "QA project 201"), "account", ""));
        samples.put(MailKind.OFFBOARDING_REPORT_TO_ADMINS, Map.of("username", "bob", "leftProject", "", "source",
                "hr-webhook", "projects", List.of("PROD project 101", "QA project 201"), "details", "", "eventId", "ev-1",
                "account", ""));
        samples.put(MailKind.API_RIGHTS_REDUCED, Map.of("environment", "PROD", "project", 101L, "reviewer", "pat",
                "lines", "alice: API rights reduced in REDCap to export"));
        samples.put(MailKind.REDCAP_ACCOUNT_UNSUSPENDED, Map.of("username", "bob",
                "lines", "PROD: suspension of 2026-12-06T10:00 lifted"));
        samples.put(MailKind.TERMINATION_WAVE_REMINDER, Map.of("held", 37, "openedAt", "2026-12-06T09:12Z"));
        samples.put(MailKind.TERMINATION_WAVE_DECIDED, Map.of("decision", "REJECT", "held", 37, "decidedBy", "ada",
                "comments", "wrong HR export"));
        samples.put(MailKind.TERMINATION_REJECTED_TO_PI, Map.of("username", "bob", "projects", List.of("PROD project 101")));
        samples.put(MailKind.TERMINATION_REJECTED_TO_ADMINS, Map.of("username", "bob", "eventId", "e-1",
                "lines", "PROD: suspension of 2026-12-06T10:00 lifted"));
        samples.put(MailKind.PROJECT_ACCESS_ENDED, Map.of("username", "bob", "project", 101L, "expiration", "2026-12-06",
                "lines", "PROD project 101: access ends on 2026-12-06 (User Rights expiration set)"));
        samples.put(MailKind.ATTESTATION_REQUESTED, Map.of("due", "2026-05-01"));
        samples.put(MailKind.ATTESTATION_REMINDER, Map.of());
        samples.put(MailKind.ATTESTATION_REVOKED, Map.of("count", 1));
        samples.put(MailKind.INACTIVITY_WARNING, Map.of("environment", "QA", "project", 201L, "since", "2025-10-01",
                "due", "2026-04-01", "unusedPeriod", "P6M"));
        Map<String, Object> expiry = Map.of("environment", "QA", "project", 201L, "expiresOn", "2026-05-01");
        samples.put(MailKind.RENEWAL_NOTICE, expiry);
        samples.put(MailKind.RENEWAL_REMINDER, expiry);
        samples.put(MailKind.TOKEN_RENEWED, expiry);
        Map<String, Object> token = Map.of("environment", "PROD", "project", 101L);
        samples.put(MailKind.TOKEN_EXPIRED, token);
        samples.put(MailKind.TOKEN_REVOKED, Map.of("environment", "PROD", "project", 101L, "reason", "OFFBOARDING"));
        samples.put(MailKind.TOKEN_REGENERATED, token);
        samples.put(MailKind.TOKEN_REGENERATED_TO_ADMINS, Map.of("environment", "PROD", "project", 101L,
                "holder", "erin", "reportedBy", "erin"));
        samples.put(MailKind.TOKEN_REVOKED_FOR_MISUSE_TO_PROJECT_ADMINS, Map.of("environment", "PROD", "project", 101L,
                "holder", "bob"));
        samples.put(MailKind.TOKEN_COMPROMISED_RIGHTS_OFF, Map.of("environment", "PROD", "project", 101L,
                "reportedBy", "pat"));
        Map<String, Object> suspension = Map.of("environment", "PROD", "project", 101L, "holder", "bob",
                "reason", "10,000 calls a minute", "suspensions", 1L, "banned", false);
        samples.put(MailKind.TOKEN_SUSPENDED, suspension);
        samples.put(MailKind.TOKEN_SUSPENDED_TO_PROJECT_ADMINS, suspension);
        samples.put(MailKind.TOKEN_REINSTATED, Map.of("environment", "PROD", "project", 101L, "newValue", true));
        samples.put(MailKind.CODE_CHANGE_APPROVED, Map.of("environment", "PROD", "project", "101", "comments", "Fine."));
        samples.put(MailKind.CODE_CHANGE_CHANGES_REQUESTED, Map.of("environment", "PROD", "project", "101",
                "comments", "Filter by event."));
        samples.put(MailKind.CODE_CHANGE_REJECTED_TOKEN_KEPT, Map.of("environment", "PROD", "project", "101",
                "reviewComments", "Polls every second.", "decisionComments", ""));
        samples.put(MailKind.TOKEN_REINSTATED_TO_PROJECT_ADMINS, Map.of("environment", "PROD", "project", 101L,
                "holder", "bob"));
        samples.put(MailKind.ACCESS_REVIEW_REQUESTED, Map.of("environment", "PROD", "project", 101L,
                "pis", List.of("pat"), "holders", List.of("alice", "bob"), "due", "2026-04-15"));
        samples.put(MailKind.ACCESS_REVIEW_REMINDER, token);
        samples.put(MailKind.ACCESS_REVIEW_ESCALATED, Map.of("environment", "PROD", "project", 101L,
                "pis", List.of("pat", "rita")));
        samples.put(MailKind.RECONCILIATION_FINDING, Map.of("token", "the PROD API token on REDCap project 101",
                "holder", "bob", "finding", "its value was changed in REDCap outside this system",
                "action", "its fingerprint was updated", "changedBy", "ada"));
        samples.put(MailKind.RECONCILIATION_FINDING_TO_HOLDER, Map.of("token", "the PROD API token on REDCap project 101",
                "finding", "it was deleted in REDCap outside this system", "action", "recorded as deleted"));
        samples.put(MailKind.SERVICE_ACCOUNT_TOKEN_CUTOVER, Map.of("token", "the PROD API token on REDCap project 101",
                "holder", "svc-etl", "cutoverOn", "2027-01-31"));
        samples.put(MailKind.TOKEN_ADOPTED, expiry);
        samples.put(MailKind.TOKEN_FOUND_IN_UPLOAD, Map.of("environment", "QA", "project", 201L, "where",
                "src/export.py:4", "scannedBy", "alice", "scannedAt", "2026-12-06T10:15:00Z"));
        samples.put(MailKind.EXTENSION_REFUSED, Map.of("environment", "PROD", "project", 101L, "expiresOn", "2027-03-01",
                "reason", "the adopted token's code has not been reviewed and approved since its adoption"));
        samples.put(MailKind.CONTROL_CENTER_WORKLIST, Map.of("environment", "PROD", "count", 1L, "lines",
                "#3 PROD: delete the API token of bob on project 101 (OFFBOARDING), since 2026-12-06T15:00:00Z."));
        samples.put(MailKind.FAIR_USE_FINDING, Map.of("environment", "PROD", "project", 101L, "rule", "POLLING",
                "observed", "2026-12-07 09:00 to 10:00 UTC: 720 calls, one every 5 seconds for 60 minutes",
                "policy", "Examples of inappropriate usage include polling every few seconds.", "deadline",
                "2026-12-21 10:00", "toAdmins", false, "why", ""));
        samples.put(MailKind.FAIR_USE_NO_FIX_BY_DEADLINE, Map.of("environment", "PROD", "project", 101L, "rule",
                "POLLING", "deadline", "2026-12-21 10:00"));
        samples.put(MailKind.FAIR_USE_WARNING, Map.of("environment", "PROD", "project", 101L, "rule", "POLLING",
                "policy", "Examples of inappropriate usage include polling every few seconds.", "comments",
                "Poll hourly at most.", "decidedBy", "ada"));
        samples.put(MailKind.FAIR_USE_CASE_DISMISSED, Map.of("environment", "PROD", "project", 101L, "rule", "POLLING",
                "comments", "A migration agreed with us.", "decidedBy", "ada"));
        samples.put(MailKind.TASK_WAITING, Map.of("taskKey", "Task_ReviewCode", "taskName", "Review API code of bob",
                "dueDate", "2026-12-01"));
        return samples;
    }

    @Test
    void everyKindHasASampleModelOfExactlyItsValues() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrder(MailKind.values());
        SAMPLES.forEach((kind, model) -> assertThat(model.keySet()).as(kind.toString())
                .containsExactlyInAnyOrderElementsOf(kind.modelValues()));
    }

    @ParameterizedTest
    @EnumSource(MailKind.class)
    void everyTemplateRendersASubjectAndContentWithEveryValueItIsGiven(MailKind kind) {
        RenderedMail mail = templates.render(kind, SAMPLES.get(kind), null);

        assertThat(mail.subject()).isNotBlank().doesNotContain("\n", "[(", "${", "[#");
        assertThat(mail.text()).doesNotContain("Subject:", "[(", "${", "[#", "[/]", "/*[-");
        String content = mail.text().substring(0, mail.text().indexOf("\nTasklist: "));
        assertThat(content).as("content").isNotBlank();
        assertThat(mail.html()).contains("<title>");
    }

    @Test
    void everyTemplateFileBelongsToAKind() throws IOException, URISyntaxException {
        Set<String> kinds = Arrays.stream(MailKind.values()).map(MailKind::template).collect(Collectors.toSet());
        Path folder = Path.of(getClass().getClassLoader().getResource(MailTemplates.ROOT + MailKind.FOLDER).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".txt"))
                    .map(name -> MailKind.FOLDER + name)).as("template files without a MailKind")
                    .allMatch(kinds::contains).hasSameSizeAs(kinds);
        }
    }

    @ParameterizedTest
    @EnumSource(MailKind.class)
    void everyTemplateListsTheValuesOfItsKindInItsFirstLine(MailKind kind) throws IOException {
        String source = source(kind);
        Matcher header = Pattern.compile("\\A/\\*\\[- Values: (.*?) -]\\*/\\n").matcher(source);
        assertThat(header.find()).as(kind + ": first line /*[- Values: ... -]*/").isTrue();
        // "a, b (what b is, e.g. ...), c": the names, without what the parentheses say about them
        Set<String> listed = Arrays.stream(header.group(1).replaceAll("\\([^)]*\\)", "").split(","))
                .map(String::strip).filter(name -> !"none".equals(name)).collect(Collectors.toSet());
        assertThat(listed).as(kind + " lists its values").isEqualTo(kind.modelValues());
    }

    @Test
    void optionalValuesShowOnlyWhenGiven() {
        String withComments = templates.render(MailKind.RELEASE_APPROVED,
                Map.of("project", 101L, "comments", "Off-peak only."), null).text();
        String without = templates.render(MailKind.RELEASE_APPROVED, Map.of("project", 101L, "comments", ""), null)
                .text();
        assertThat(withComments).contains("The administrator's comments:\nOff-peak only.");
        assertThat(without).doesNotContain("comments");

        assertThat(templates.render(MailKind.OFFBOARDING_REPORT_TO_PI, Map.of("username", "alice", "leftProject", "101",
                "source", "pi-report", "projects", List.of("PROD project 101"), "account", ""), null).text())
                .contains("alice left REDCap project 101 (pi-report). Their API tokens and API rights were removed on "
                        + "your REDCap PROD project 101.");
        assertThat(templates.render(MailKind.OFFBOARDING_REPORT_TO_ADMINS, SAMPLES.get(MailKind.OFFBOARDING_REPORT_TO_ADMINS),
                null).text()).contains("bob left the organisation (hr-webhook). Tokens revoked on: PROD project 101, "
                        + "QA project 201. Evidence: GET /api/offboardings/ev-1");
        RenderedMail none = templates.render(MailKind.OFFBOARDING_REPORT_TO_ADMINS, Map.of("username", "bob",
                "leftProject", "", "source", "scim", "projects", List.of(), "details", "REDCap PROD was down, retried",
                "eventId", "ev-2", "account", "PROD: REDCap account suspended as of 2026-12-06T10:00"), null);
        assertThat(none.subject()).isEqualTo("Offboarding of bob: 0 token(s) revoked");
        assertThat(none.text()).contains("Tokens revoked on: none (no live tokens). REDCap PROD was down, retried. "
                + "Their REDCap account: PROD: REDCap account suspended as of 2026-12-06T10:00. "
                + "Evidence: GET /api/offboardings/ev-2");

        assertThat(templates.render(MailKind.ACCESS_REVIEW_REQUESTED, Map.of("environment", "PROD", "project", 101L,
                "pis", List.of(), "holders", List.of("alice"), "due", "2026-04-15"), null).text())
                .contains("The project has no user with User Rights, so the review is yours.");
        assertThat(templates.render(MailKind.ACCESS_REVIEW_REQUESTED, SAMPLES.get(MailKind.ACCESS_REVIEW_REQUESTED), null)
                .text()).contains("Holding an API token on REDCap project 101 (PROD): alice, bob.")
                .doesNotContain("no user with User Rights");
    }

    @Test
    void aBanNeverSendsTheHolderToAFixOrANewRequest() {
        String suspended = templates.render(MailKind.TOKEN_SUSPENDED, SAMPLES.get(MailKind.TOKEN_SUSPENDED), null).text();
        String banned = templates.render(MailKind.TOKEN_SUSPENDED, Map.of("environment", "PROD", "project", 101L,
                "holder", "bob", "reason", "10,000 calls a minute", "suspensions", 2L, "banned", true), null).text();
        assertThat(suspended).contains("Start with 'Fix and re-test in QA'").doesNotContain("permanent ban");
        assertThat(banned).contains("This is suspension 2 of bob: repeated suspensions end in a permanent ban")
                .doesNotContain("Fix and re-test", "reinstated only after");

        assertThat(templates.render(MailKind.TOKEN_REVOKED, Map.of("environment", "PROD", "project", 101L,
                "reason", "PERMANENT_BAN"), null).text())
                .contains("permanently barred").doesNotContain("start a new token request");
        assertThat(templates.render(MailKind.TOKEN_REVOKED, SAMPLES.get(MailKind.TOKEN_REVOKED), null).text())
                .contains("start a new token request").doesNotContain("permanently barred");
    }

    @Test
    void aNotificationWithoutTheValuesOfItsKindFailsWhenItIsMade() {
        assertThatThrownBy(() -> Notification.toUser("bob", MailKind.TOKEN_REVOKED,
                Map.of("environment", "PROD", "project", 101L, "reson", "MISUSE")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing [reason]").hasMessageContaining("unknown [reson]");
    }

    @Test
    void aTemplateThatUsesAValueItsModelLacksFailsInsteadOfLeavingItOut() {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.TEXT);
        engine.setTemplateResolver(resolver);
        engine.setEngineContextFactory(new StrictEngineContextFactory());
        Context context = new Context();
        context.setVariable("project", 101L);
        context.setVariable("comments", "");

        assertThat(engine.process("Project [(${project})][# th:if=\"${comments != ''}\"]: [(${comments})][/]", context))
                .isEqualTo("Project 101");
        assertThatThrownBy(() -> engine.process("Project [(${projekt})]", context))
                .isInstanceOf(TemplateProcessingException.class).hasMessageContaining("projekt");
        assertThatThrownBy(() -> engine.process("[# th:if=\"${comment != ''}\"]x[/]", context))
                .isInstanceOf(TemplateProcessingException.class).hasMessageContaining("comment");
    }

    private static String source(MailKind kind) throws IOException {
        try (InputStream in = MailKindTemplatesTest.class.getClassLoader()
                .getResourceAsStream(MailTemplates.ROOT + kind.template())) {
            assertThat(in).as(kind.template()).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
