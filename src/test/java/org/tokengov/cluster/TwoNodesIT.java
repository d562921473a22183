package org.tokengov.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.testsupport.ClusterLoad.countByUser;
import static org.tokengov.testsupport.ClusterLoad.incidents;
import static org.tokengov.testsupport.ClusterLoad.quiet;
import static org.tokengov.testsupport.ClusterLoad.waitUntil;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.testsupport.ClusterLoad;
import org.tokengov.testsupport.HrWebhookClient;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.PipelineDriver;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.TwoNodes;

/**
 * Two replicas on one PostgreSQL database and one REDCap, both running jobs, under the load: token requests
 * through the whole pipeline, renewals, offboardings, each sent to the two nodes in turn. Every REDCap side effect is
 * counted in REDCap's own database and log, every timer and mail once, no incident, and the shared rate budget read
 * back from REDCap's log. The counts are system properties ({@code twonodes.requests}, {@code twonodes.renewals},
 * {@code twonodes.offboardings}) whose defaults are the figures.
 */
class TwoNodesIT {

    static final int REQUESTS = Integer.getInteger("twonodes.requests", 300);
    /** Renewed tokens: both tokens (QA and PROD) of the first RENEWALS/2 requesters. */
    static final int RENEWALS = Integer.getInteger("twonodes.renewals", 100);
    static final int OFFBOARDINGS = Integer.getInteger("twonodes.offboardings", 100);
    static final int BUDGET_PER_MINUTE = 120;
    static final String HR_SECRET = "hr-" + UUID.randomUUID();
    static final Duration PHASE_LIMIT = Duration.ofMinutes(Integer.getInteger("twonodes.phase-limit-minutes", 20));
    static final DateTimeFormatter REDCAP_TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    static GreenMail smtp;
    static TwoNodes nodes;
    static JdbcTemplate jdbc;
    static List<PipelineDriver> drivers = new ArrayList<>();

    @BeforeAll
    static void startTwoNodes() {
        int smtpPort = RealServers.freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        nodes = new TwoNodes(
                "spring.mail.host=127.0.0.1", "spring.mail.port=" + smtpPort,
                "tokengov.notification.dispatch-interval=PT1S",
                // A job made by the test's thread on one node is found by the other node's idle job executor within
                // 2 s instead of production's 10 s.
                "camunda.bpm.job-execution.max-wait=2000",
                // A job calling REDCap's API holds its connection and takes a second one for the shared rate budget:
                // the pool must exceed twice the job threads (production's 16 threads starved a 12-connection pool).
                // Smaller here, as two nodes share the machine's PostgreSQL with other tests.
                "camunda.bpm.job-execution.core-pool-size=4", "camunda.bpm.job-execution.max-pool-size=6",
                "spring.datasource.hikari.maximum-pool-size=16",
                "tokengov.hr.webhook-secret=" + HR_SECRET,
                // A burst of offboardings would wait for an administrator to confirm the wave.
                "tokengov.offboarding.mass-termination.enabled=false",
                "tokengov.redcap.environments.qa.rate-budget-per-minute=" + BUDGET_PER_MINUTE,
                "tokengov.redcap.environments.prod.rate-budget-per-minute=" + BUDGET_PER_MINUTE,
                // The test moves the engine's clock by 11 months: only the lifecycles' timers are to fire, not the
                // yearly, quarterly and nightly campaigns (which have tests of their own): 29 February is next in 2028.
                "tokengov.policy.inactivity.sweep-cycle=0 0 2 29 2 ?",
                "tokengov.policy.attestation.campaign-cycle=R/2099-01-15T09:00:00Z/P1Y",
                "tokengov.access-review.schedule=0 0 7 29 2 ?",
                "logging.level.org.tokengov=WARN")
                .startOneAfterTheOther();
        jdbc = nodes.node(0).getBean(JdbcTemplate.class);
        for (int node = 0; node < 2; node++) {
            ProcessEngine engine = nodes.node(node).getBean(ProcessEngine.class);
            drivers.add(new PipelineDriver(engine.getRuntimeService(), engine.getTaskService(),
                    engine.getIdentityService(), engine.getManagementService()));
        }
    }

    @AfterAll
    static void stopTwoNodes() {
        ClockUtil.reset();
        if (nodes != null) {
            nodes.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void twoNodesShareTheLoadAndDoEverythingExactlyOnce() throws Exception {
        long started = System.nanoTime();
        List<String> requesters = ClusterLoad.newRequesters(nodes.node(0), "twin", REQUESTS);
        List<String> renewing = requesters.subList(0, RENEWALS / 2);
        List<String> leaving = requesters.subList(RENEWALS / 2, RENEWALS / 2 + OFFBOARDINGS);

        // The requesters whose tokens are renewed go first; the others 40 days later, so that only the first ones'
        // renewal notices fall due when the clock reaches them.
        requestTokens(renewing);
        moveClock(Duration.ofDays(40));
        requestTokens(requesters.subList(renewing.size(), requesters.size()));
        long requestsDone = System.nanoTime();

        offboard(leaving);
        long offboardingsDone = System.nanoTime();

        moveClock(Duration.ofDays(365 - 30 - 40).plusHours(1));
        renew(renewing);
        long renewalsDone = System.nanoTime();
        waitUntil(jdbc, "everything done", PHASE_LIMIT, () -> quiet(jdbc));

        System.out.printf("TwoNodesIT: %d requests in %d s, %d offboardings in %d s, %d renewals in %d s, total %d s%n",
                REQUESTS, (requestsDone - started) / 1_000_000_000, OFFBOARDINGS,
                (offboardingsDone - requestsDone) / 1_000_000_000, RENEWALS, (renewalsDone - offboardingsDone) / 1_000_000_000,
                (System.nanoTime() - started) / 1_000_000_000);

        everyRedcapSideEffectOnce(requesters, leaving);
        everyTimerOnce();
        noIncident();
        noMailTwice();
        budgetKept();
        bothNodesWorked();
    }

    // --- the load ---------------------------------------------------------------------------------------------------

    /** Submits each request on the next node, then works the steps as the people would until every one is issued. */
    private void requestTokens(List<String> requesters) throws Exception {
        for (int i = 0; i < requesters.size(); i++) {
            drivers.get(i % 2).submitRequest(requesters.get(i));
        }
        int expectedProductionTokens = liveTokens("PROD") + requesters.size();
        waitUntil(jdbc, "every request issued", PHASE_LIMIT, () -> {
            workTasks("TokenRequestProcess", ClusterLoad.REQUEST_ANSWERS, ClusterLoad.REQUEST_WORKERS,
                    ClusterLoad.REQUEST_GROUPS);
            return liveTokens("PROD") == expectedProductionTokens && quiet(jdbc);
        });
    }

    private void offboard(List<String> leaving) {
        List<HrWebhookClient> hr = List.of(
                new HrWebhookClient(RealServers.baseUrl(nodes.node(0)), HR_SECRET),
                new HrWebhookClient(RealServers.baseUrl(nodes.node(1)), HR_SECRET));
        for (int i = 0; i < leaving.size(); i++) {
            // The HR system's clock and the app's agree: the engine's moved clock is the time of this world.
            ClusterLoad.terminate(hr.get(i % 2), HR_SECRET, leaving.get(i), ClockUtil.now().toInstant());
        }
        waitUntil(jdbc, "every offboarding completed", PHASE_LIMIT, () -> jdbc.queryForObject(
                "select count(*) from offboarding_event where outcome = 'COMPLETED'", Integer.class) == leaving.size()
                && quiet(jdbc));
    }

    private void renew(List<String> renewing) throws Exception {
        waitUntil(jdbc, "every renewal notice sent", PHASE_LIMIT,
                () -> renewalTasks().size() == 2 * renewing.size() && quiet(jdbc));
        workTasks("TokenLifecycleProcess", Map.of("Task_ConfirmRenewal", Map.of("stillNeeded", true,
                "usageUnchanged", true, "fairUseReattested", true)), Map.of(), Map.of("Task_ConfirmRenewal",
                List.of("api-requesters")));
        waitUntil(jdbc, "every renewal done", PHASE_LIMIT, () -> renewalTasks().isEmpty() && quiet(jdbc));
        assertThat(jdbc.queryForObject("select count(*) from api_token where holder in (" + quoted(renewing)
                + ") and state in ('ACTIVE', 'QA_ACTIVE') and expires_at > issued_at + interval '700 days'", Integer.class))
                .as("renewed tokens, extended by a year").isEqualTo(RENEWALS);
    }

    private List<Task> renewalTasks() {
        return nodes.node(0).getBean(ProcessEngine.class).getTaskService().createTaskQuery().taskDefinitionKey("Task_ConfirmRenewal").list();
    }

    /**
     * Completes the open tasks of the given keys, each on the next node, by their assignee or the named worker, on a
     * few threads as people in front of two replicas would. A step a job of the same instance changes at that moment
     * is tried again in the next round (the engine refused it with an optimistic lock, a client's matter).
     */
    private void workTasks(String processKey, Map<String, Map<String, Object>> answers, Map<String, String> workers,
            Map<String, List<String>> groups) {
        List<Task> open = nodes.node(0).getBean(ProcessEngine.class).getTaskService().createTaskQuery()
                .processDefinitionKey(processKey).taskDefinitionKeyIn(answers.keySet().toArray(String[]::new)).list();
        ExecutorService people = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < open.size(); i++) {
                Task task = open.get(i);
                PipelineDriver node = drivers.get(i % 2);
                String key = task.getTaskDefinitionKey();
                String worker = workers.getOrDefault(key, task.getAssignee());
                done.add(people.submit(() -> {
                    try {
                        node.complete(worker, groups.get(key), task, answers.get(key));
                    } catch (OptimisticLockingException busy) {
                        // Next round.
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } catch (Exception e) {
            throw new AssertionError("A step could not be completed", e);
        } finally {
            people.shutdownNow();
        }
    }

    /** Moves the engine's clock (both nodes share it), keeping it running: jobs and locks keep their real pace. */
    private void moveClock(Duration by) {
        waitUntil(jdbc, "quiet before the clock moves", PHASE_LIMIT, () -> quiet(jdbc));
        long offset = ClockUtil.now().getTime() - System.currentTimeMillis();
        ClockUtil.offset(offset + by.toMillis());
    }

    // --- what must hold ---------------------------------------------------------------------------------------------

    private void everyRedcapSideEffectOnce(List<String> requesters, List<String> leaving) {
        for (RedcapEnvironment environment : RedcapEnvironment.values()) {
            long project = environment == RedcapEnvironment.PROD ? 101 : 201;
            JdbcTemplate redcap = new IssuedTokens(nodes.node(0)).redcap(environment);
            String logTable = logTable(redcap, project);
            Map<String, Integer> created = countByUser(redcap, logTable, project, "Create API token for user", "twin");
            Map<String, Integer> deleted = countByUser(redcap, logTable, project, "Delete API token for user", "twin");
            Map<String, Integer> expectedCreated = new HashMap<>();
            requesters.forEach(username -> expectedCreated.put(username, 1));
            Map<String, Integer> expectedDeleted = new HashMap<>();
            leaving.forEach(username -> expectedDeleted.put(username, 1));
            assertThat(created).as("%s: one token written per requester, in REDCap's log", environment)
                    .isEqualTo(expectedCreated);
            assertThat(deleted).as("%s: one revocation per leaver's token, in REDCap's log", environment)
                    .isEqualTo(expectedDeleted);
            assertThat(countByUser(redcap, logTable, project, "Regenerate API token for user", "twin")).isEmpty();
            assertThat(redcap.queryForObject("SELECT COUNT(*) FROM redcap_user_rights WHERE project_id = ? AND username"
                    + " LIKE 'twin%' AND api_token IS NOT NULL", Integer.class, project))
                    .as("%s: tokens left in REDCap", environment).isEqualTo(requesters.size() - leaving.size());
        }
        assertThat(jdbc.queryForObject("select count(*) from api_token where holder like 'twin%' and state = 'REVOKED'",
                Integer.class)).isEqualTo(2 * leaving.size());
    }

    private void everyTimerOnce() {
        // Camunda's history cleanup job is the one job that runs again under its id (in every window).
        List<String> cleanup = nodes.node(0).getBean(ProcessEngine.class).getHistoryService().findHistoryCleanupJobs()
                .stream().map(job -> job.getId()).toList();
        assertThat(jdbc.queryForList("select job_id_ from act_hi_job_log where job_state_ = 2 group by job_id_"
                + " having count(*) > 1", String.class)).as("jobs that ran twice").isSubsetOf(cleanup);
        assertThat(jdbc.queryForObject("select count(*) from act_hi_job_log where job_state_ = 2"
                + " and act_id_ = 'Timer_RenewalNoticeDue'", Integer.class)).as("renewal notice timers fired")
                .isEqualTo(RENEWALS);
        assertThat(jdbc.queryForObject("select count(*) from act_hi_job_log where job_state_ = 2"
                + " and act_id_ = 'Task_SendRenewalNotice'", Integer.class)).as("renewal notices sent").isEqualTo(RENEWALS);
    }

    private void noIncident() {
        assertThat(incidents(jdbc)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from act_hi_incident", Integer.class)).as("incidents ever").isZero();
        Integer optimisticLocks = jdbc.queryForObject("select count(*) from act_hi_job_log where job_state_ = 1"
                + " and job_exception_msg_ like '%OptimisticLocking%'", Integer.class);
        Integer failures = jdbc.queryForObject("select count(*) from act_hi_job_log where job_state_ = 1", Integer.class);
        System.out.printf("TwoNodesIT: %d failed job attempts (retried), %d of them optimistic locking%n", failures,
                optimisticLocks);
    }

    private void noMailTwice() throws Exception {
        // Mails naming only people without an address (REDCap's steward account) are never sent (NO_ADDRESS).
        waitUntil(jdbc, "every mail sent", PHASE_LIMIT,
                () -> jdbc.queryForObject("select count(*) from mail_outbox where status = 'PENDING'",
                Integer.class) == 0);
        Integer rows = jdbc.queryForObject("select count(*) from mail_outbox where status = 'SENT'", Integer.class);
        Map<String, Integer> copies = new HashMap<>();
        List<String> messageIds = new ArrayList<>();
        // GreenMail keeps a copy of a message in each recipient's mailbox: each message is counted once.
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (messageIds.contains(message.getMessageID())) {
                continue;
            }
            messageIds.add(message.getMessageID());
            for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
                copies.merge(recipient + " | " + message.getSubject() + " | " + text(message), 1, Integer::sum);
            }
        }
        assertThat(rows).as("mails written").isGreaterThan(REQUESTS);
        assertThat(messageIds).as("one sent message per outbox row").hasSize(rows);
        assertThat(copies.entrySet().stream().filter(copy -> copy.getValue() > 1).map(Map.Entry::getKey).toList())
                .as("recipient and notice received twice").isEmpty();
        System.out.printf("TwoNodesIT: %d mails, each sent once%n", rows);
    }

    /**
     * REDCap's own record of API calls: in any minute, both nodes together stayed within each server's budget. In the
     * database mode this load makes no API call at all (REDCap's log and users are read from its database), so this
     * holds trivially here; the budget shared under saturation is SharedRateBudgetIT's.
     */
    private void budgetKept() {
        for (RedcapEnvironment environment : RedcapEnvironment.values()) {
            JdbcTemplate redcap = new IssuedTokens(nodes.node(0)).redcap(environment);
            List<Long> calls = new ArrayList<>();
            for (String table : redcap.queryForList("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE() AND table_name LIKE 'redcap\\_log\\_event%'", String.class)) {
                calls.addAll(redcap.queryForList("SELECT ts FROM " + table + " WHERE page = 'api/index.php'"
                        + " AND description LIKE '%(API)'", Long.class));
            }
            List<Long> seconds = calls.stream().map(ts -> LocalDateTime.parse(Long.toString(ts), REDCAP_TS)
                    .toEpochSecond(java.time.ZoneOffset.UTC)).sorted().toList();
            int most = 0;
            int first = 0;
            for (int last = 0; last < seconds.size(); last++) {
                while (seconds.get(last) - seconds.get(first) >= 60) {
                    first++;
                }
                most = Math.max(most, last - first + 1);
            }
            System.out.printf("TwoNodesIT: REDCap %s logged %d API calls, at most %d in any minute (budget %d)%n",
                    environment, seconds.size(), most, BUDGET_PER_MINUTE);
            assertThat(most).as("%s: API calls in any minute", environment).isLessThanOrEqualTo(BUDGET_PER_MINUTE);
        }
    }

    private void bothNodesWorked() {
        assertThat(jdbc.queryForList("select hostname_ || ' ' || count(*) from act_hi_job_log where job_state_ = 2"
                + " group by hostname_ order by hostname_", String.class)).as("jobs run by each node")
                .satisfies(counts -> System.out.printf("TwoNodesIT: jobs run %s%n", counts))
                .hasSize(2).anySatisfy(count -> assertThat(count).startsWith("node-0"))
                .anySatisfy(count -> assertThat(count).startsWith("node-1"));
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private int liveTokens(String environment) {
        return jdbc.queryForObject("select count(*) from api_token where environment = ? and state in ('ACTIVE', 'QA_ACTIVE')",
                Integer.class, environment);
    }

    private static String logTable(JdbcTemplate redcap, long project) {
        String table = redcap.queryForObject("SELECT log_event_table FROM redcap_projects WHERE project_id = ?",
                String.class, project);
        return table == null || table.isBlank() ? "redcap_log_event" : table;
    }

    private static String quoted(List<String> usernames) {
        return String.join(", ", usernames.stream().map(username -> "'" + username + "'").toList());
    }

    /** The plain-text part: what the reader reads (the raw message differs in every copy by its boundaries). */
    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
