package org.tokengov.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.tokengov.testsupport.CodeReviews;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.RequestStatus;
import org.tokengov.registry.TokenRequests;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.PipelineDriver;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.ResidentMemory;

/**
 * Benchmark, not a test (skipped by {@code ./mvnw verify}). The engine's share of a request's cost: {@code
 * -Dbench.requests} (default 200) token requests run end to end (submitted, QA token issued in REDCap, tested, reviewed,
 * approved, production token issued) on PostgreSQL and the REDCap simulator on MariaDB over HTTP, one after another,
 * with their jobs run as they fall due; then as many instances of a bare process with the same number of user tasks,
 * service tasks (doing nothing) and asynchronous continuations as one request's instances went through, counted from
 * its history. Prints both rates and their ratio.
 *
 * <pre>./mvnw -o test -Dtest=EngineOverheadBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = RealServers.class)
@TestPropertySource(properties = "logging.level.org.tokengov.notification=WARN")
class EngineOverheadBenchmark {

    static final int REQUESTS = Integer.getInteger("bench.requests", 200);

    @Autowired ConfigurableApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired RepositoryService repository;
    @Autowired TokenRequests requests;

    @Test
    void requestsEndToEndAgainstABareProcessOfTheSameShape() {
        PipelineDriver people = new PipelineDriver(runtime, tasks, identity, management);
        List<String> requesters = OffboardingBench.people("eo", REQUESTS + 1);
        OffboardingBench.createPeople(identity, requesters);
        IssuedTokens redcap = new IssuedTokens(context);
        for (String requester : requesters) {
            redcap.addProjectUser(RedcapEnvironment.PROD, 101, requester);
            redcap.addProjectUser(RedcapEnvironment.QA, 201, requester);
        }

        String warmUp = runRequest(people, requesters.get(REQUESTS));
        Shape shape = Shape.of(history, warmUp);
        long start = System.nanoTime();
        for (String requester : requesters.subList(0, REQUESTS)) {
            String request = runRequest(people, requester);
            assertThat(requests.find(request).orElseThrow().status()).isEqualTo(RequestStatus.APPROVED);
        }
        double requestSeconds = (System.nanoTime() - start) / 1e9;

        repository.createDeployment().addModelInstance("bare.bpmn", shape.bareProcess()).deploy();
        runBare(shape);
        start = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            runBare(shape);
        }
        double bareSeconds = (System.nanoTime() - start) / 1e9;

        double requestRate = REQUESTS / requestSeconds;
        double bareRate = REQUESTS / bareSeconds;
        System.out.printf("%n=== EngineOverheadBenchmark (%d instances each, one thread, PostgreSQL) ===%n", REQUESTS);
        System.out.printf("one request's path: %d user tasks, %d service tasks, %d asynchronous continuations, "
                + "%d activities in all (%d process instances)%n", shape.userTasks(), shape.serviceTasks(),
                shape.asyncJobs(), shape.activities(), shape.instances());
        System.out.printf("TokenRequestProcess end to end (REDCap over HTTP and SQL): %.1f s, %.2f a second%n",
                requestSeconds, requestRate);
        System.out.printf("bare process of the same shape: %.1f s, %.2f a second%n", bareSeconds, bareRate);
        System.out.printf("ratio: a request costs %.1f times the bare engine%n", bareRate / requestRate);
        System.out.println(ResidentMemory.summary() + " (this JVM: the node and the simulator)");
    }

    private String runRequest(PipelineDriver people, String requester) {
        ProcessInstance request = people.requestUntilQaToken(requester);
        complete(people, requester, "api-requesters", request, "Task_DevelopAndTestInQa", Map.of(
                "codeRepositoryUrl", "https://git.example.org/lab/sync", "codeCommit", "9c1e2d7",
                "testSummary", "Ran the export nightly in QA for a week with a date filter."));
        complete(people, "sam", "api-specialists", request, "Task_ReviewCode", CodeReviews.approved());
        complete(people, "ada", "redcap-admins", request, "Task_ApproveRelease", Map.of("adminDecision", "APPROVED"));
        Jobs.runDue(management);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(request.getId()).count()).isZero();
        return request.getId();
    }

    private void complete(PipelineDriver people, String user, String group, ProcessInstance request, String key,
            Map<String, Object> variables) {
        Jobs.enter(management, request.getId(), key);
        Task task = tasks.createTaskQuery().processInstanceId(request.getId()).taskDefinitionKey(key).singleResult();
        people.complete(user, List.of(group), task, variables);
    }

    private void runBare(Shape shape) {
        ProcessInstance bare = runtime.startProcessInstanceByKey(Shape.BARE);
        while (runtime.createProcessInstanceQuery().processInstanceId(bare.getId()).count() > 0) {
            Jobs.runDue(management);
            tasks.createTaskQuery().processInstanceId(bare.getId()).list().forEach(task -> tasks.complete(task.getId()));
        }
    }

    /** What one request's instances (the request and the issuances it called) went through, from their history. */
    record Shape(int userTasks, int serviceTasks, int asyncJobs, int activities, int instances) {

        static final String BARE = "BareProcessOfTheRequestsShape";

        static Shape of(HistoryService history, String requestId) {
            List<HistoricActivityInstance> done = history.createHistoricProcessInstanceQuery()
                    .rootProcessInstanceId(requestId).list().stream()
                    .flatMap(instance -> history.createHistoricActivityInstanceQuery()
                            .processInstanceId(instance.getId()).list().stream())
                    .toList();
            int userTasks = (int) done.stream().filter(a -> "userTask".equals(a.getActivityType())).count();
            int serviceTasks = (int) done.stream().filter(a -> "serviceTask".equals(a.getActivityType())).count();
            long instances = done.stream().map(HistoricActivityInstance::getProcessInstanceId).distinct().count();
            int jobs = (int) history.createHistoricJobLogQuery().creationLog().list().stream()
                    .filter(log -> log.getRootProcessInstanceId() != null && log.getRootProcessInstanceId().equals(requestId))
                    .count();
            return new Shape(userTasks, serviceTasks, jobs, done.size(), (int) instances);
        }

        /**
         * A straight line: the service tasks, then the user tasks; as many of them start with an asynchronous
         * continuation as the request's jobs, service tasks first.
         */
        BpmnModelInstance bareProcess() {
            AbstractFlowNodeBuilder<?, ?> line = Bpmn.createExecutableProcess(BARE).camundaHistoryTimeToLive(1).startEvent();
            int async = asyncJobs;
            for (int i = 0; i < serviceTasks; i++) {
                line = line.serviceTask("Service_" + i).camundaExpression("${null}").camundaAsyncBefore(async-- > 0);
            }
            for (int i = 0; i < userTasks; i++) {
                line = line.userTask("User_" + i).camundaAsyncBefore(async-- > 0);
            }
            while (async-- > 0) {
                line = line.serviceTask().camundaExpression("${null}").camundaAsyncBefore();
            }
            return line.endEvent().done();
        }
    }
}
