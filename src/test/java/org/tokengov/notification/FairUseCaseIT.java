package org.tokengov.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.notification.MailCatcher.withSubject;
import static org.tokengov.redcap.RedcapEnvironment.PROD;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.fairuse.FairUseCase;
import org.tokengov.fairuse.FairUseCaseState;
import org.tokengov.fairuse.FairUseCases;
import org.tokengov.notification.MailCatcher.Mail;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenState;
import org.tokengov.testsupport.EngineRest;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;
import org.tokengov.usage.Certainty;
import org.tokengov.usage.FairUseFindings;
import org.tokengov.usage.FairUseFindings.NewFinding;
import org.tokengov.usage.FairUseRule;
import org.tokengov.usage.Finding;

/**
 * Misuse cases on the real components (PostgreSQL, the REDCap simulator on MariaDB, SMTP): a confirmed finding about
 * a live PROD token mails its holder what was seen and asks for a fix; the holder's confirmation closes the case; a
 * repeat goes to a REDCap administrator other than the holder (who is an administrator too, and is refused over
 * Camunda's REST API), whose suspension goes through the token's lifecycle: REDCap answers 403 afterwards.
 */
@ContextConfiguration(initializers = FairUseCaseIT.OwnServers.class)
class FairUseCaseIT extends MailITBase {

    /**
     * Its own context: the case suspends rita's token, and a second suspension would ban her in the other mail tests'
     * shared context (NoSecretsIT suspends her token too).
     */
    static class OwnServers extends RealServers {
    }

    static final String FIX = "Polling once an hour now instead of every 5 seconds, with dateRangeBegin.";
    static final String FINDING_SUBJECT = "Fair use: what your PROD API token on REDCap project 151 did: Polling (calls every few seconds)";

    @Autowired FairUseFindings findings;
    @Autowired FairUseCases cases;

    SimulatorHttp simulator;
    EngineRest rest;

    @BeforeEach
    void serveHttp() {
        RealServers.serveHttpFrom(context);
        simulator = new SimulatorHttp(RealServers.baseUrl(context));
        rest = new EngineRest(RealServers.baseUrl(context));
    }

    @AfterEach
    void noTokenAndNoUnescapedHtml() {
        assertReceivedAndQueuedMailsHoldNoTokenAndNoUnescapedHtml();
    }

    @Test
    void aFixedCaseClosesARepeatGoesToAnotherAdministratorAndTheirSuspensionMakesRedcapRefuseTheToken() {
        // rita holds the token and is a REDCap administrator too: four eyes keep her off her own case.
        IssuedToken token = issue("rita", PROD, 151);
        String value = simulator.tokenOf("prod", "rita", 151);
        assertThat(simulator.versionStatus("prod", value)).isEqualTo(200);

        ProcessInstance first = open(polling(token, Instant.now().minus(Duration.ofHours(1))));
        Task fix = task(first, "Task_ConfirmFairUseFix");
        assertThat(fix.getAssignee()).isEqualTo("rita");
        Mail notice = withSubject(sent(), FINDING_SUBJECT);
        assertThat(notice.to()).containsExactly("rita@example.org");
        assertThat(notice.text()).contains("720 calls, one every 5 seconds for 60 minutes",
                FairUseRule.POLLING.policySentence(), "by " + minute(caseOf(first).deadline()) + " UTC");
        assertThat(notice.linksTo(fix.getId())).as("the notice links to the fix task").isTrue();

        HttpResponse<String> byAnother = rest.post("/task/" + fix.getId() + "/complete", "alice", "demo",
                EngineRest.variables("fairUseFix", "String", FIX));
        assertThat(byAnother.statusCode()).as(byAnother.body()).isEqualTo(403);
        people.complete("rita", List.of("api-requesters"), fix, Map.of("fairUseFix", FIX));
        FairUseCase fixed = caseOf(first);
        assertThat(fixed.state()).isEqualTo(FairUseCaseState.FIXED);
        assertThat(fixed.decidedBy()).isEqualTo("rita");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(first.getId()).count()).isZero();
        assertThat(simulator.versionStatus("prod", value)).as("a fix changes nothing in REDCap").isEqualTo(200);

        ProcessInstance repeat = open(polling(token, Instant.now()));
        assertThat(caseOf(repeat).adminsFirst()).as("a repeat within the window").isTrue();
        List<Mail> repeatMails = sent();
        Mail toAdmins = withSubject(repeatMails, FINDING_SUBJECT);
        assertThat(toAdmins.to()).containsExactly("rita@example.org");
        assertThat(toAdmins.text()).contains("goes straight to the REDCap administrators", "It repeats a case");
        Task decision = task(repeat, "Task_DecideOnFairUseCase");
        assertThat(offeredTo(decision)).as("the administrators but the holder").contains("ada").doesNotContain("rita");
        assertThat(withSubject(repeatMails, "Waiting for you: Decide on a fair-use case").to()).contains("ada@example.org")
                .doesNotContain("rita@example.org");

        HttpResponse<String> byHolder = rest.post("/task/" + decision.getId() + "/complete", "rita", "demo",
                EngineRest.variables("fairUseDecision", "String", "DISMISS", "fairUseComments", "String", "Mine, fine."));
        assertThat(byHolder.statusCode()).as(byHolder.body()).isEqualTo(403);
        HttpResponse<String> claimedByHolder = rest.post("/task/" + decision.getId() + "/claim", "rita", "demo",
                "{\"userId\": \"rita\"}");
        assertThat(claimedByHolder.statusCode()).as(claimedByHolder.body()).isEqualTo(403);
        HttpResponse<String> forged = rest.call("PUT", "/process-instance/" + repeat.getId() + "/variables/fairUseDecision",
                "rita", "demo", "{\"type\": \"String\", \"value\": \"DISMISS\"}");
        assertThat(forged.statusCode()).as(forged.body()).isGreaterThanOrEqualTo(400);

        people.complete("ada", List.of("redcap-admins"), decision, Map.of("fairUseDecision", "SUSPEND",
                "fairUseComments", "Polling every 5 seconds again, a month after the fix."));
        runJobs(repeat);
        runLifecycleJobs(token);

        assertThat(caseOf(repeat).state()).isEqualTo(FairUseCaseState.SUSPENDED);
        assertThat(caseOf(repeat).decidedBy()).isEqualTo("ada");
        assertThat(registry.find(token.id()).orElseThrow().state()).isEqualTo(TokenState.SUSPENDED);
        assertThat(simulator.versionStatus("prod", value)).as("REDCap refuses the suspended token").isEqualTo(403);
        Mail suspended = withSubject(sent(), "Suspended: your PROD API token on REDCap project 151");
        assertThat(suspended.to()).containsExactly("rita@example.org");
        assertThat(suspended.text()).contains("rule POLLING", caseOf(repeat).id());
        assertThat(cases.openCases(null, 100)).extracting(FairUseCase::tokenId).doesNotContain(token.id());
    }

    private Finding polling(IssuedToken token, Instant windowEnd) {
        Instant windowStart = windowEnd.minus(Duration.ofHours(1));
        return findings.record(new NewFinding(FairUseRule.POLLING, Certainty.CONFIRMED, false, token.id(),
                token.holder(), token.environment(), token.projectId(), windowStart, windowEnd,
                "720 calls, one every 5 seconds for 60 minutes"), ClockUtil.now().toInstant()).orElseThrow();
    }

    /** Opens the finding's case as the monitor does, and runs its first step. */
    private ProcessInstance open(Finding finding) {
        cases.open(finding);
        String caseId = findings.find(finding.id()).orElseThrow().caseId();
        ProcessInstance process = runtime.createProcessInstanceQuery().processDefinitionKey("FairUseCaseProcess")
                .processInstanceBusinessKey(caseId).singleResult();
        assertThat(process).as("case " + caseId).isNotNull();
        runJobs(process);
        return process;
    }

    private FairUseCase caseOf(ProcessInstance process) {
        return cases.find(process.getBusinessKey()).orElseThrow();
    }

    private Set<String> offeredTo(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getUserId)
                .filter(user -> user != null).collect(Collectors.toSet());
    }

    private static String minute(Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC)
                .format(at);
    }
}
