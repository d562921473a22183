package org.tokengov.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.testsupport.ClusterLoad.countByUser;
import static org.tokengov.testsupport.ClusterLoad.quiet;
import static org.tokengov.testsupport.ClusterLoad.waitUntil;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.testsupport.ClusterLoad;
import org.tokengov.testsupport.HrWebhookClient;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.PipelineDriver;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.TwoNodes;

/**
 * A rolling upgrade under load, on one PostgreSQL database and one REDCap: node "old" runs the app's diagrams; node
 * "new" starts with a newer release's, in which the eligibility check of a request also calls a bean only the new
 * release has. Requests go through both nodes before, during and after the upgrade, leavers are offboarded through both,
 * then the old node is stopped. The old node never runs a job of the new deployment (it would fail for want of the
 * bean: no failed job, no incident), every REDCap side effect happens once (REDCap's log), and the new node finishes
 * what was left: no instance waits on nothing.
 * <p>
 * The old node is TwoNodes' node 0, which hosts the REDCap simulator and seeds REDCap's schema: it must run first. Its
 * stopping ends the simulator's HTTP API, which the database mode's REDCap work does not use.
 */
class RollingUpgradeIT {

    static final int OLD = 0;
    static final int NEW = 1;
    /** Requests filed before the upgrade, on the old node alone. */
    static final int BEFORE = Integer.getInteger("rolling.before", 4);
    /** Requests filed on both nodes once the new one runs. */
    static final int DURING = Integer.getInteger("rolling.during", 6);
    /** Requesters of the first batch offboarded through both nodes, the old node stopping right after. */
    static final int LEAVING = Integer.getInteger("rolling.leaving", 2);
    static final String HR_SECRET = "hr-" + UUID.randomUUID();
    static final Duration PHASE_LIMIT = Duration.ofMinutes(5);

    /** The bean only the new release has: called by the new diagram's eligibility check. */
    static final AtomicInteger newReleaseSteps = new AtomicInteger();

    static GreenMail smtp;
    static TwoNodes nodes;
    static JdbcTemplate jdbc;
    static Map<Integer, PipelineDriver> drivers = new HashMap<>();

    @BeforeAll
    static void startTheOldNode() throws IOException {
        int smtpPort = RealServers.freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path newRelease = newReleaseDiagrams();
        nodes = new TwoNodes(
                "spring.mail.host=127.0.0.1", "spring.mail.port=" + smtpPort,
                "tokengov.notification.dispatch-interval=PT1S",
                "camunda.bpm.job-execution.max-wait=2000",
                "camunda.bpm.job-execution.core-pool-size=3", "camunda.bpm.job-execution.max-pool-size=4",
                "spring.datasource.hikari.maximum-pool-size=12",
                "tokengov.hr.webhook-secret=" + HR_SECRET,
                "tokengov.offboarding.mass-termination.enabled=false",
                // Only the requests' and offboardings' work is to run, not the yearly, quarterly and nightly campaigns.
                "tokengov.policy.inactivity.sweep-cycle=0 0 2 29 2 ?",
                "tokengov.policy.attestation.campaign-cycle=R/2099-01-15T09:00:00Z/P1Y",
                "tokengov.access-review.schedule=0 0 7 29 2 ?",
                "logging.level.org.tokengov=WARN", "logging.level.org.tokengov.upgrade=INFO")
                .onNode(NEW, context -> context.getBeanFactory().registerSingleton("newReleaseStep",
                        (ExecutionListener) execution -> newReleaseSteps.incrementAndGet()),
                        "camunda.bpm.deployment-resource-pattern[0]=file:" + newRelease + "/bpmn/*.bpmn",
                        "camunda.bpm.deployment-resource-pattern[1]=file:" + newRelease + "/bpmn/*.dmn",
                        "camunda.bpm.deployment-resource-pattern[2]=file:" + newRelease + "/forms/*.form")
                .startNode(OLD);
        jdbc = nodes.node(OLD).getBean(JdbcTemplate.class);
        drivers.put(OLD, driver(OLD));
    }

    @AfterAll
    static void stopNodes() {
        if (nodes != null) {
            nodes.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void theOldNodeRunsNoJobOfTheNewReleaseNothingHappensTwiceAndTheNewNodeFinishesTheRest() throws Exception {
        long started = System.nanoTime();
        List<String> requesters = ClusterLoad.newRequesters(nodes.node(OLD), "roll", BEFORE + DURING);
        List<String> before = requesters.subList(0, BEFORE);
        List<String> leaving = before.subList(0, LEAVING);

        before.forEach(requester -> drivers.get(OLD).submitRequest(requester));
        waitUntil(jdbc, "the first requests wait for their QA tests", PHASE_LIMIT,
                () -> openTasks("Task_DevelopAndTestInQa").size() == BEFORE
                && quiet(jdbc));
        String oldDeployment = appDeployments().get(0);

        nodes.startNode(NEW);
        drivers.put(NEW, driver(NEW));
        List<String> deployments = appDeployments();
        assertThat(deployments).as("the app's deployments").hasSize(2);
        String newDeployment = deployments.get(1);
        assertThat(registered(OLD)).as("the old node's job executor").containsExactly(oldDeployment);
        assertThat(registered(NEW)).as("the new node's job executor").contains(oldDeployment, newDeployment);

        List<String> during = requesters.subList(BEFORE, requesters.size());
        for (int i = 0; i < during.size(); i++) {
            drivers.get(i % 2 == 0 ? OLD : NEW).submitRequest(during.get(i));
        }
        issueAll(requesters, List.of(OLD, NEW));

        offboardThroughBoth(leaving);
        nodes.stopNode(OLD);
        jdbc = nodes.node(NEW).getBean(JdbcTemplate.class);
        waitUntil(jdbc, "every offboarding completed by the new node", PHASE_LIMIT, () -> jdbc.queryForObject(
                "select count(*) from offboarding_event where outcome = 'COMPLETED'", Integer.class) == LEAVING && quiet(jdbc));
        System.out.printf("RollingUpgradeIT: %d requests, %d offboardings, %d s%n", requesters.size(), LEAVING,
                (System.nanoTime() - started) / 1_000_000_000);

        assertThat(newReleaseSteps).as("eligibility checks of the new release's requests, on the new node")
                .hasValue(DURING);
        // A job's log names the node that created it too (job_state_ 0): a step completed through the old node.
        assertThat(jdbc.queryForObject("select count(*) from act_hi_job_log where hostname_ = 'node-" + OLD + "'"
                + " and job_state_ in (1, 2) and deployment_id_ = ?", Integer.class, newDeployment))
                .as("jobs of the new deployment the old node ran").isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_hi_job_log where hostname_ = 'node-" + NEW + "'"
                + " and job_state_ = 2 and deployment_id_ = ?", Integer.class, newDeployment))
                .as("jobs of the new deployment the new node ran").isPositive();
        assertThat(jdbc.queryForObject("select count(*) from act_hi_job_log where hostname_ = 'node-" + OLD + "'"
                + " and job_state_ = 2 and deployment_id_ = ?", Integer.class, oldDeployment))
                .as("jobs of its own deployment the old node ran").isPositive();
        assertThat(jdbc.queryForObject("select count(*) from act_hi_job_log where job_state_ = 1"
                + " and job_exception_msg_ like '%newReleaseStep%'", Integer.class)).as("jobs failed for want of the bean")
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_hi_incident", Integer.class)).as("incidents ever").isZero();
        everyRedcapSideEffectOnce(requesters, leaving);
        assertThat(stranded()).as("instances waiting on nothing").isEmpty();
    }

    // --- the new release --------------------------------------------------------------------------------------------

    /**
     * The app's diagrams, decision tables and forms, copied to a directory of the new node, with the eligibility check
     * of a request calling the new release's bean when it starts (within its job, as the check is asynchronous).
     */
    private static Path newReleaseDiagrams() throws IOException {
        Path directory = Files.createTempDirectory("new-release");
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String folder : List.of("bpmn", "forms")) {
            Files.createDirectories(directory.resolve(folder));
            for (Resource resource : resolver.getResources("classpath*:" + folder + "/*.*")) {
                try (InputStream content = resource.getInputStream()) {
                    String text = new String(content.readAllBytes(), StandardCharsets.UTF_8);
                    if ("TokenRequestProcess.bpmn".equals(resource.getFilename())) {
                        String checked = "camunda:delegateExpression=\"${checkEligibilityDelegate}\">";
                        assertThat(text).contains(checked);
                        text = text.replace(checked, checked + "<bpmn:extensionElements><camunda:executionListener"
                                + " delegateExpression=\"${newReleaseStep}\" event=\"start\" /></bpmn:extensionElements>");
                    }
                    Files.writeString(directory.resolve(folder).resolve(resource.getFilename()), text);
                }
            }
        }
        return directory;
    }

    // --- the load ---------------------------------------------------------------------------------------------------

    private static PipelineDriver driver(int node) {
        ProcessEngine engine = nodes.node(node).getBean(ProcessEngine.class);
        return new PipelineDriver(engine.getRuntimeService(), engine.getTaskService(), engine.getIdentityService(),
                engine.getManagementService());
    }

    /** Works the requests' steps as people would, each on the next of the given nodes, until every one is issued. */
    private void issueAll(List<String> requesters, List<Integer> through) {
        waitUntil(jdbc, "every request issued", PHASE_LIMIT, () -> {
            List<Task> open = openTasks(ClusterLoad.REQUEST_ANSWERS.keySet().toArray(String[]::new));
            for (int i = 0; i < open.size(); i++) {
                try {
                    ClusterLoad.completeRequestStep(drivers.get(through.get(i % through.size())), open.get(i));
                } catch (OptimisticLockingException busy) {
                    // Next round.
                }
            }
            return jdbc.queryForObject("select count(*) from api_token where holder like 'roll%' and environment = 'PROD'"
                    + " and state = 'ACTIVE'", Integer.class) == requesters.size() && quiet(jdbc);
        });
    }

    private void offboardThroughBoth(List<String> leaving) {
        for (int i = 0; i < leaving.size(); i++) {
            ClusterLoad.terminate(new HrWebhookClient(RealServers.baseUrl(nodes.node(i % 2 == 0 ? OLD : NEW)), HR_SECRET),
                    HR_SECRET, leaving.get(i), Instant.now());
        }
    }

    // --- what must hold ---------------------------------------------------------------------------------------------

    private void everyRedcapSideEffectOnce(List<String> requesters, List<String> leaving) {
        IssuedTokens redcapOf = new IssuedTokens(nodes.node(NEW));
        for (RedcapEnvironment environment : RedcapEnvironment.values()) {
            long project = environment == RedcapEnvironment.PROD ? 101 : 201;
            JdbcTemplate redcap = redcapOf.redcap(environment);
            String table = redcap.queryForObject("SELECT log_event_table FROM redcap_projects WHERE project_id = ?",
                    String.class, project);
            String logTable = table == null || table.isBlank() ? "redcap_log_event" : table;
            Map<String, Integer> expectedCreated = new HashMap<>();
            requesters.forEach(username -> expectedCreated.put(username, 1));
            Map<String, Integer> expectedDeleted = new HashMap<>();
            leaving.forEach(username -> expectedDeleted.put(username, 1));
            assertThat(countByUser(redcap, logTable, project, "Create API token for user", "roll"))
                    .as("%s: one token written per requester, in REDCap's log", environment).isEqualTo(expectedCreated);
            assertThat(countByUser(redcap, logTable, project, "Delete API token for user", "roll"))
                    .as("%s: one revocation per leaver's token, in REDCap's log", environment).isEqualTo(expectedDeleted);
            assertThat(countByUser(redcap, logTable, project, "Regenerate API token for user", "roll")).isEmpty();
        }
    }

    /** Running process instances that wait on no job, task, event subscription, incident or called instance. */
    private List<String> stranded() {
        return jdbc.queryForList("""
                select i.proc_inst_id_ || ' ' || d.key_ from act_ru_execution i
                    join act_re_procdef d on d.id_ = i.proc_def_id_
                where i.id_ = i.proc_inst_id_
                    and not exists (select 1 from act_ru_job j where j.process_instance_id_ = i.id_)
                    and not exists (select 1 from act_ru_task t where t.proc_inst_id_ = i.id_)
                    and not exists (select 1 from act_ru_event_subscr s where s.proc_inst_id_ = i.id_)
                    and not exists (select 1 from act_ru_incident n where n.proc_inst_id_ = i.id_)
                    and not exists (select 1 from act_ru_ext_task x where x.proc_inst_id_ = i.id_)
                    and not exists (select 1 from act_ru_execution c join act_ru_execution e on e.id_ = c.super_exec_
                        where e.proc_inst_id_ = i.id_)""", String.class);
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    /** The app's deployments, oldest first. */
    private List<String> appDeployments() {
        return jdbc.queryForList("select id_ from act_re_deployment where name_ = ? order by deploy_time_, id_", String.class,
                DiagramDeployment.NAME);
    }

    private static Set<String> registered(int node) {
        return nodes.node(node).getBean(ProcessEngineConfigurationImpl.class).getRegisteredDeployments();
    }

    private List<Task> openTasks(String... keys) {
        return engineOfARunningNode().getTaskService().createTaskQuery().processDefinitionKey("TokenRequestProcess")
                .taskDefinitionKeyIn(keys).list();
    }

    private ProcessEngine engineOfARunningNode() {
        return nodes.node(nodes.node(OLD).isActive() ? OLD : NEW).getBean(ProcessEngine.class);
    }
}
