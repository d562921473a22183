package org.tokengov.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tokengov.offboarding.OffboardingEvent;
import org.tokengov.redcap.RedcapEnvironment;

/**
 * What the tests of several nodes under load share ({@link TwoNodes}): requesters made ready for a request, the
 * answers people give at each request step, HR's terminations, waiting until the engine is quiet, and counting REDCap's
 * log rows per user.
 */
public final class ClusterLoad {

    /** The request's user tasks as the people answer them: the requester's QA test, the review, the release. */
    public static final Map<String, Map<String, Object>> REQUEST_ANSWERS = Map.of(
            "Task_DevelopAndTestInQa", Map.of("codeRepositoryUrl", "https://git.example.org/lab/sync",
                    "codeCommit", "9c1e2d7",
                    "testSummary", "Ran the export nightly in QA for a week with a date filter."),
            "Task_ReviewCode", CodeReviews.approved(),
            "Task_ApproveRelease", Map.of("adminDecision", "APPROVED"));
    /** Who works each step that has no assignee. */
    public static final Map<String, String> REQUEST_WORKERS = Map.of("Task_ReviewCode", "sam",
            "Task_ApproveRelease", "ada");
    public static final Map<String, List<String>> REQUEST_GROUPS = Map.of("Task_DevelopAndTestInQa",
            List.of("api-requesters"), "Task_ReviewCode", List.of("api-specialists"), "Task_ApproveRelease",
            List.of("redcap-admins"));

    private ClusterLoad() {
    }

    /**
     * New requesters {@code prefix000}, {@code prefix001}, …: in the identity store with a mail address, and users of
     * the demo's PROD 101 and QA 201 with the export right the PI enabled.
     */
    public static List<String> newRequesters(ConfigurableApplicationContext node, String prefix, int count) {
        List<String> requesters = new ArrayList<>();
        IdentityService identity = node.getBean(IdentityService.class);
        IssuedTokens redcap = new IssuedTokens(node);
        for (int i = 0; i < count; i++) {
            String username = String.format("%s%03d", prefix, i);
            User user = identity.newUser(username);
            user.setEmail(username + "@example.org");
            user.setFirstName(prefix);
            user.setLastName(Integer.toString(i));
            identity.saveUser(user);
            identity.createMembership(username, "api-requesters");
            for (RedcapEnvironment environment : RedcapEnvironment.values()) {
                long project = environment == RedcapEnvironment.PROD ? 101 : 201;
                redcap.addProjectUser(environment, project, username);
                redcap.redcap(environment).update("UPDATE redcap_user_rights SET api_export = 1 WHERE project_id = ?"
                        + " AND username = ?", project, username);
            }
            requesters.add(username);
        }
        return requesters;
    }

    /** Completes a request task as its person would (its assignee, or the step's worker). */
    public static void completeRequestStep(PipelineDriver node, Task task) {
        String key = task.getTaskDefinitionKey();
        node.complete(REQUEST_WORKERS.getOrDefault(key, task.getAssignee()), REQUEST_GROUPS.get(key), task,
                REQUEST_ANSWERS.get(key));
    }

    /** HR's signed {@code person.terminated} at {@code at}, which the node must accept (202). */
    public static void terminate(HrWebhookClient hr, String secret, String username, Instant at) {
        String body = HrWebhookClient.event(OffboardingEvent.TERMINATED, username, null, at);
        String id = "msg_" + UUID.randomUUID();
        String signature = HrWebhookClient.sign(secret, id, at.getEpochSecond(), body);
        HttpResponse<String> answer = hr.send(id, at.getEpochSecond(), signature, body, "application/json");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }

    /** No job due (on the engine's clock) or running, and no mail waiting. */
    public static boolean quiet(JdbcTemplate jdbc) {
        Integer jobs = jdbc.queryForObject("select count(*) from act_ru_job where (lock_owner_ is not null)"
                + " or ((duedate_ is null or duedate_ <= ?) and retries_ > 0 and suspension_state_ = 1)", Integer.class,
                Timestamp.from(ClockUtil.now().toInstant()));
        Integer mails = jdbc.queryForObject("select count(*) from mail_outbox where status = 'PENDING'", Integer.class);
        return jobs == 0 && mails == 0;
    }

    public static List<String> incidents(JdbcTemplate jdbc) {
        return jdbc.queryForList("select activity_id_ || ': ' || coalesce(incident_msg_, '') from act_ru_incident",
                String.class);
    }

    /** Polls until the condition holds; fails on an incident meanwhile, or past the limit with the jobs left. */
    public static void waitUntil(JdbcTemplate jdbc, String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " not within " + limit + "; jobs: " + jdbc.queryForList(
                        "select d.act_id_ || ' ' || coalesce(j.lock_owner_, '-') || ' ' || j.retries_ || ' '"
                        + " || coalesce(cast(j.duedate_ as varchar), '-') from act_ru_job j"
                        + " left join act_ru_jobdef d on d.id_ = j.job_def_id_ limit 20", String.class)
                        + "; mails: " + jdbc.queryForList(
                        "select status || ' ' || count(*) from mail_outbox group by status", String.class));
            }
            assertThat(incidents(jdbc)).as("incidents while waiting for: %s", what).isEmpty();
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** REDCap's log rows of the project with that description, per user, for the users whose names start so. */
    public static Map<String, Integer> countByUser(JdbcTemplate redcap, String table, long project, String description,
            String userPrefix) {
        Map<String, Integer> counts = new HashMap<>();
        redcap.query("SELECT pk, COUNT(*) FROM " + table + " WHERE project_id = ? AND description = ? AND pk LIKE ?"
                + " GROUP BY pk", rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                }, project, description, userPrefix + "%");
        return counts;
    }
}
