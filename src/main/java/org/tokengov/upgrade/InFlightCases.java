package org.tokengov.upgrade;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerCases;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.registry.TokenRequests;
import org.tokengov.usertask.GroupDecisionTaskListener;

/** The cases that were under way when this version arrived: their ledger, and their waiting reviews and approvals. */
@Service
class InFlightCases {

    private static final Logger log = LoggerFactory.getLogger(InFlightCases.class);

    static final String LEDGER_BACKFILL = "ledger-backfill";
    static final String REQUESTS = "TokenRequestProcess";
    static final String LIFECYCLES = "TokenLifecycleProcess";
    static final String SPONSOR_REPLACEMENTS = "SponsorReplacementProcess";
    /** Where a lifecycle waits between a compromise report and the token's new value. */
    static final Set<String> COMPROMISE_STEPS = Set.of("Task_RegenerateToken", "Task_WithdrawRightsUntilRegenerated",
            "Task_RegenerateInControlCenter", "Task_RestoreRights");
    /** Where a sponsor replacement waits after someone named the new sponsor. */
    static final Set<String> AFTER_NAMING = Set.of("Task_RecordNewSponsor", "Task_ReleaseSponsoredTokens");

    private final RuntimeService runtime;
    private final HistoryService history;
    private final TaskService tasks;
    private final TokenRequests requests;
    private final LedgerCases cases;
    private final Ledger ledger;
    private final LedgerBackfill backfill;
    private final ProcessEngineConfigurationImpl engine;
    private final ApplicationContext beans;
    private final JdbcClient jdbc;
    private final Clock clock;

    InFlightCases(RuntimeService runtime, HistoryService history, TaskService tasks, TokenRequests requests,
            LedgerCases cases, Ledger ledger, LedgerBackfill backfill, ProcessEngineConfigurationImpl engine,
            ApplicationContext beans, JdbcClient jdbc, Clock clock) {
        this.runtime = runtime;
        this.history = history;
        this.tasks = tasks;
        this.requests = requests;
        this.cases = cases;
        this.ledger = ledger;
        this.backfill = backfill;
        this.engine = engine;
        this.beans = beans;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Rebuilds the ledger of the cases under way, once (the step is remembered in {@code upgrade_step}); returns whether
     * it ran now.
     */
    boolean backfillLedgerOnce() {
        if (jdbc.sql("select count(*) from upgrade_step where name = ?").param(LEDGER_BACKFILL).query(Long.class).single() > 0) {
            return false;
        }
        backfillLedger();
        jdbc.sql("insert into upgrade_step (name, completed_at) values (?, ?)")
                .params(LEDGER_BACKFILL, Timestamp.from(clock.instant())).update();
        return true;
    }

    void backfillLedger() {
        int written = 0;
        for (ProcessInstance request : running(REQUESTS)) {
            String startedBy = startedBy(request.getId());
            written += requests.find(request.getId()).map(filed -> backfill.request(filed, startedBy)).orElse(0);
        }
        for (ProcessInstance lifecycle : running(LIFECYCLES)) {
            String tokenId = lifecycle.getBusinessKey();
            written += backfill.token(tokenId);
            if (waitsAt(lifecycle, COMPROMISE_STEPS) && cases.token(tokenId)
                    .map(token -> token.missingForRegeneration().isPresent()).orElse(false)) {
                backfill.add(CaseRef.token(tokenId), LedgerKind.COMPROMISE_REPORTED,
                        text(lifecycle, "reportedBy"), null, "reported before the ledger existed");
                written++;
            }
        }
        for (ProcessInstance replacement : running(SPONSOR_REPLACEMENTS)) {
            CaseRef caseRef = CaseRef.sponsorReplacement(replacement.getBusinessKey());
            if (waitsAt(replacement, AFTER_NAMING) && !ledger.hasEntries(caseRef)) {
                backfill.add(caseRef, LedgerKind.NEW_SPONSOR_NAMED, text(replacement, "newSponsorNamedBy"),
                        text(replacement, "newSponsor"), "named before the ledger existed");
                written++;
            }
        }
        if (written > 0) {
            log.info("Backfilled {} ledger entries of cases under way before the ledger", written);
        }
    }

    /**
     * Reviews and approvals created by an earlier version were offered to a whole group, the requester included: they
     * are offered again, person by person, by their task's own listener.
     */
    void offerWaitingDecisionsAnew() {
        List<Task> offeredToGroups = tasks.createTaskQuery().withCandidateGroups().list();
        for (Task task : offeredToGroups) {
            engine.getCommandExecutorTxRequired().execute(commandContext -> {
                TaskEntity entity = commandContext.getTaskManager().findTaskById(task.getId());
                listenerOf(entity).ifPresent(listener -> listener.reoffer(entity));
                return null;
            });
        }
    }

    private Optional<GroupDecisionTaskListener> listenerOf(TaskEntity task) {
        if (task == null || task.getTaskDefinition() == null) {
            return Optional.empty();
        }
        for (TaskListener listener : task.getTaskDefinition().getTaskListeners().getOrDefault(TaskListener.EVENTNAME_CREATE, List.of())) {
            if (listener instanceof DelegateExpressionTaskListener expression) {
                String text = expression.getExpressionText();
                String bean = text.substring(2, text.length() - 1);
                if (beans.containsBean(bean) && beans.getBean(bean) instanceof GroupDecisionTaskListener decision) {
                    return Optional.of(decision);
                }
            }
        }
        return Optional.empty();
    }

    private List<ProcessInstance> running(String key) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(key).list();
    }

    private boolean waitsAt(ProcessInstance instance, Set<String> activities) {
        return runtime.getActiveActivityIds(instance.getId()).stream().anyMatch(activities::contains);
    }

    private String startedBy(String processInstanceId) {
        HistoricProcessInstance started = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        return started == null ? null : started.getStartUserId();
    }

    private String text(ProcessInstance instance, String variable) {
        Object value = runtime.getVariable(instance.getId(), variable);
        return value == null ? "system" : value.toString();
    }
}
