package org.tokengov.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.notification.MailCatcher.Mail;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenRequests;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.PipelineDriver;

/**
 * What the GreenMail ITs share: the app on a real port with its mails going to a {@link MailCatcher} of the test
 * context's own, the people and tokens a test acts with, and the mails and token values it collects to check that no
 * mail holds a token. Each IT names its own initializer (a subclass of RealServers) where it needs a context of its
 * own; the catcher's initializer is added to it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = MailCatcher.ForContext.class)
abstract class MailITBase {

    /** Markup in user text: a mail shows it as text ({@link #HTML_ESCAPED} in the HTML part). */
    static final String HTML = "<img src=x onerror=alert(1)> & <b>bold</b>";
    static final String HTML_ESCAPED = "&lt;img src=x onerror=alert(1)&gt; &amp; &lt;b&gt;bold&lt;/b&gt;";

    @Autowired ConfigurableApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired TokenRegistry registry;
    @Autowired MailDispatcher dispatcher;
    @Autowired JdbcTemplate jdbc;
    @Autowired MailCatcher smtp;
    @Autowired TokenRequests requests;

    PipelineDriver people;
    IssuedTokens issued;
    /** Every token value REDCap held during the test: no mail may contain one. */
    final Set<String> tokens = new LinkedHashSet<>();
    /** Every mail received during the test, as {@link #sent()} returned them. */
    final List<Mail> received = new ArrayList<>();

    /** The context is shared by the class's tests: what earlier tests queued is sent and forgotten. */
    @BeforeEach
    void startWithNoMails() {
        people = new PipelineDriver(runtime, tasks, identity, management);
        issued = new IssuedTokens(context);
        sendAndForget();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** Sends the outbox until nothing is due. */
    void sendAll() {
        while (dispatcher.sendDue() > 0) {
            // until the outbox has nothing due
        }
    }

    /** Sends the outbox and returns what arrived since the last call. */
    List<Mail> sent() {
        sendAll();
        List<Mail> mails = smtp.all();
        received.addAll(mails);
        smtp.purge();
        return mails;
    }

    /** Sends the outbox and drops what arrived: mails of the test's set-up, not of what it checks. */
    void sendAndForget() {
        sendAll();
        smtp.purge();
    }

    /** Adds the token values REDCap holds now to those no mail may contain; call it whenever a token value is made. */
    void rememberTokensInRedcap() {
        tokens.addAll(MailCatcher.tokensInRedcap(context));
    }

    IssuedToken issue(String holder, RedcapEnvironment environment, long projectId) {
        IssuedToken token = issued.issue(holder, environment, projectId);
        rememberTokensInRedcap();
        return token;
    }

    IssuedToken issueByHand(String holder, RedcapEnvironment environment, long projectId) {
        IssuedToken token = issued.issueByHand(holder, environment, projectId);
        rememberTokensInRedcap();
        return token;
    }

    /** The requester reports the code developed and tested in QA: the request goes to the code review. */
    void testedInQa(String requester, ProcessInstance request) {
        people.complete(requester, List.of("api-requesters"), task(request, "Task_DevelopAndTestInQa"), Map.of(
                "codeRepositoryUrl", "https://git.example.org/lab/sync", "codeCommit", "9c1e2d7",
                "testSummary", "Ran the export nightly in QA for a week with a date filter."));
    }

    /** A request task's name as Tasklist shows it: prefixed with the request's number. */
    String numbered(ProcessInstance request, String taskName) {
        return requests.find(request.getId()).orElseThrow().number() + ": " + taskName;
    }

    /** The subject of a mail about a request: it ends with the request's number. */
    String tagged(ProcessInstance request, String subject) {
        return subject + " [" + requests.find(request.getId()).orElseThrow().number() + "]";
    }

    Task task(ProcessInstance instance, String key) {
        Jobs.enter(management, instance.getId(), key);
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
        assertThat(task).as(key).isNotNull();
        return task;
    }

    Task task(IssuedToken token, String key) {
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(token.id()).list()
                .forEach(lifecycle -> Jobs.enter(management, lifecycle.getId(), key));
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(token.id()).taskDefinitionKey(key).singleResult();
        assertThat(task).as(key).isNotNull();
        return task;
    }

    /** The token's lifecycle, or null once it has ended. */
    ProcessInstance lifecycleOf(IssuedToken token) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("TokenLifecycleProcess")
                .processInstanceBusinessKey(token.id()).singleResult();
    }

    /** The engine's clock moves to the timer and its job runs, then the instance's asynchronous steps. */
    void fire(ProcessInstance instance, String timerId) {
        Job timer = management.createJobQuery().processInstanceId(instance.getId()).activityId(timerId).timers()
                .singleResult();
        assertThat(timer).as(timerId).isNotNull();
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1_000));
        management.executeJob(timer.getId());
        runJobs(instance);
    }

    /** The instance's asynchronous steps (not its timers), as the job executor would run them; none once it ended. */
    void runJobs(ProcessInstance instance) {
        if (instance != null) {
            runRounds(() -> management.createJobQuery().processInstanceId(instance.getId()).messages().executable()
                    .list(), "Jobs keep coming for " + instance.getId());
        }
    }

    void runLifecycleJobs(IssuedToken token) {
        runJobs(lifecycleOf(token));
    }

    /** The asynchronous steps of every token's lifecycle, such as the revocations a campaign or sweep sent. */
    void runAllLifecycleJobs() {
        runRounds(() -> management.createJobQuery().processDefinitionKey("TokenLifecycleProcess").messages()
                .executable().list(), "Lifecycle jobs keep coming");
    }

    /** These mails and every mail ever queued, as one list: the outbox also holds what SMTP never delivered. */
    List<Mail> withOutbox(List<Mail> mails) {
        List<Mail> everything = new ArrayList<>(mails);
        everything.addAll(MailCatcher.outbox(jdbc));
        return everything;
    }

    /**
     * The mails received in the test (with any still on the server) and, checked on their own, every mail ever queued:
     * none holds a token value REDCap held, none has unescaped HTML.
     */
    void assertReceivedAndQueuedMailsHoldNoTokenAndNoUnescapedHtml() {
        received.addAll(smtp.all());
        MailCatcher.assertNoTokenAndNoUnescapedHtml(received, tokens);
        MailCatcher.assertNoTokenAndNoUnescapedHtml(MailCatcher.outbox(jdbc), tokens);
    }

    /** Runs the jobs {@code due} returns, round after round, until there are none; a loop fails the test. */
    private void runRounds(Supplier<List<Job>> due, String looping) {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = due.get();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError(looping);
    }
}
