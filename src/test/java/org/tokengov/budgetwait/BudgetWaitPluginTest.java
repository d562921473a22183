package org.tokengov.budgetwait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tokengov.redcap.RateBudgetExhaustedException;
import org.tokengov.redcap.RedcapUnavailableException;
import org.tokengov.testsupport.CapturedLogs;

/**
 * An engine with the plugin, running one async step whose delegate fails as told: a spent budget, bare or wrapped,
 * puts the job back for a later budget window with its retries and no incident, as often as it happens; every other
 * failure, a REDCap outage included, spends a retry and ends in an incident as before.
 */
class BudgetWaitPluginTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    static final Deque<RuntimeException> failures = new ArrayDeque<>();
    static int calls;
    static ProcessEngine engine;
    static RuntimeService runtime;
    static ManagementService management;

    @BeforeAll
    static void startEngine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("budget-wait-test");
        configuration.setJdbcUrl("jdbc:h2:mem:budget-wait-test;DB_CLOSE_DELAY=1000");
        configuration.setJobExecutorActivate(false);
        configuration.setBeans(Map.of("redcapStep", (JavaDelegate) execution -> {
            calls++;
            RuntimeException failure = failures.poll();
            if (failure != null) {
                throw failure;
            }
        }));
        configuration.getProcessEnginePlugins().add(new BudgetWaitPlugin());
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addModelInstance("redcap-step.bpmn",
                Bpmn.createExecutableProcess("RedcapStep").camundaHistoryTimeToLive(1)
                        .startEvent()
                        .serviceTask("Task_CallRedcap").camundaAsyncBefore().camundaDelegateExpression("${redcapStep}")
                        .endEvent()
                        .done()).deploy();
        runtime = engine.getRuntimeService();
        management = engine.getManagementService();
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @BeforeEach
    void startOfTheStep() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        failures.clear();
        calls = 0;
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aSpentBudgetWaitsForALaterWindowAgainAndAgainWithItsRetriesAndNoIncidentThenTheStepRuns() {
        failures.add(new RateBudgetExhaustedException("spent"));
        failures.add(new ProcessEngineException("wrapped by the engine", new IllegalStateException("and by a delegate",
                new RateBudgetExhaustedException("spent"))));
        failures.add(new RateBudgetExhaustedException("spent"));
        String instance = runtime.startProcessInstanceByKey("RedcapStep").getId();
        int retries = job(instance).getRetries();

        try (CapturedLogs logs = CapturedLogs.atDebug()) {
            for (int wait = 1; wait <= 3; wait++) {
                Job job = job(instance);
                assertThatThrownBy(() -> management.executeJob(job.getId())).isInstanceOf(RuntimeException.class);
                Job waiting = job(instance);
                Instant failedAt = ClockUtil.now().toInstant();
                assertThat(waiting.getDuedate().toInstant()).as("a later budget window")
                        .isBetween(failedAt.plusSeconds(15), failedAt.plusSeconds(45));
                assertThat(waiting.getRetries()).as("retries kept").isEqualTo(retries);
                assertThat(waiting.getExceptionMessage()).isNull();
                assertThat(management.createJobQuery().processInstanceId(instance).executable().count())
                        .as("not due before that window").isZero();
                assertThat(runtime.createIncidentQuery().count()).isZero();
                ClockUtil.setCurrentTime(Date.from(waiting.getDuedate().toInstant().plusSeconds(1)));
            }
            assertThat(logs.lines()).as("one line a wait, no stack trace")
                    .filteredOn(line -> line.contains("RateBudgetExhaustedException") || line.contains("\tat "))
                    .isEmpty();
            assertThat(logs.lines()).filteredOn(line -> line.contains("waits") && line.contains("later budget window"))
                    .hasSize(3);
        }

        Job due = management.createJobQuery().processInstanceId(instance).executable().singleResult();
        management.executeJob(due.getId());
        assertThat(calls).isEqualTo(4);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).as("done").isZero();
        assertThat(runtime.createIncidentQuery().count()).isZero();
    }

    @Test
    void aBudgetThatKnowsWhenItsNextCallFreesIsWaitedForUntilThenNotForABlindInterval() {
        failures.add(new ProcessEngineException("wrapped by the engine",
                new RateBudgetExhaustedException("spent", Duration.ofSeconds(20))));
        failures.add(new RateBudgetExhaustedException("spent", Duration.ofMillis(300)));
        String instance = runtime.startProcessInstanceByKey("RedcapStep").getId();
        int retries = job(instance).getRetries();

        assertThatThrownBy(() -> management.executeJob(job(instance).getId())).isInstanceOf(RuntimeException.class);
        Instant failedAt = ClockUtil.now().toInstant();
        Job waiting = job(instance);
        assertThat(waiting.getDuedate().toInstant()).as("when the next call frees, spread over one maximum wait")
                .isBetween(failedAt.plusSeconds(20), failedAt.plusSeconds(25));
        assertThat(waiting.getRetries()).isEqualTo(retries);
        ClockUtil.setCurrentTime(Date.from(failedAt.plusSeconds(19)));
        assertThat(management.createJobQuery().processInstanceId(instance).executable().count())
                .as("not due before the slot frees").isZero();

        ClockUtil.setCurrentTime(waiting.getDuedate());
        assertThatThrownBy(() -> management.executeJob(job(instance).getId())).isInstanceOf(RuntimeException.class);
        Instant refusedAgainAt = ClockUtil.now().toInstant();
        assertThat(job(instance).getDuedate().toInstant()).as("a slot freeing at once still waits a moment")
                .isBetween(refusedAgainAt.plusSeconds(1), refusedAgainAt.plusMillis(5_300));

        ClockUtil.setCurrentTime(job(instance).getDuedate());
        management.executeJob(job(instance).getId());
        assertThat(calls).isEqualTo(3);
        assertThat(runtime.createIncidentQuery().count()).isZero();
    }

    @Test
    void everyOtherFailureSpendsARetryAndEndsInAnIncident() {
        failures.add(new RedcapUnavailableException("REDCap answered 503"));
        failures.add(new IllegalStateException("a bug"));
        failures.add(new ProcessEngineException("wrapped", new RedcapUnavailableException("timed out")));
        String instance = runtime.startProcessInstanceByKey("RedcapStep").getId();
        int retries = job(instance).getRetries();

        for (int failure = 1; failure <= retries; failure++) {
            Job job = job(instance);
            assertThatThrownBy(() -> management.executeJob(job.getId())).isInstanceOf(RuntimeException.class);
            assertThat(job(instance).getRetries()).isEqualTo(retries - failure);
        }

        assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isEqualTo(1);
        assertThat(job(instance).getExceptionMessage()).isNotNull();
        runtime.deleteProcessInstance(instance, "test done");
    }

    @Test
    void aSpentBudgetAfterARealFailureKeepsTheRetriesLeft() {
        failures.add(new IllegalStateException("a bug"));
        failures.add(new RateBudgetExhaustedException("spent"));
        String instance = runtime.startProcessInstanceByKey("RedcapStep").getId();
        int retries = job(instance).getRetries();

        assertThatThrownBy(() -> management.executeJob(job(instance).getId())).isInstanceOf(IllegalStateException.class);
        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofMinutes(10))));
        assertThatThrownBy(() -> management.executeJob(job(instance).getId()))
                .isInstanceOf(RateBudgetExhaustedException.class);

        assertThat(job(instance).getRetries()).isEqualTo(retries - 1);
        assertThat(runtime.createIncidentQuery().count()).isZero();
        runtime.deleteProcessInstance(instance, "test done");
    }

    private static Job job(String instance) {
        return management.createJobQuery().processInstanceId(instance).singleResult();
    }

}
