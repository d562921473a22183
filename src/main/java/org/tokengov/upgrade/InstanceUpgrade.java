package org.tokengov.upgrade;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start: migrates the instances still running on an earlier version of a diagram to the latest version, so
 * that no instance calls a bean the app no longer has; then rebuilds the ledger of cases from before it, and offers
 * waiting reviews and approvals anew. An instance that cannot be migrated (a diagram changed beyond mapping) is
 * left where it is and logged as a warning, to be moved in Cockpit. A node of an older release started while a newer
 * one runs (see {@link RunnableDeployments}) does none of this: the newer release did it.
 */
@Component
@Order(0)
class InstanceUpgrade implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InstanceUpgrade.class);

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final InFlightCases inFlight;
    private final DiagramsOnStart diagrams;

    InstanceUpgrade(RepositoryService repository, RuntimeService runtime, InFlightCases inFlight, DiagramsOnStart diagrams) {
        this.repository = repository;
        this.runtime = runtime;
        this.inFlight = inFlight;
        this.diagrams = diagrams;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (diagrams.olderThanLatest()) {
            // The latest diagrams are a newer release's, which migrated the instances at its start; this node would
            // only move instances to diagrams it does not run.
            log.warn("Migrating no instance: this node's release is older than the latest deployment");
            return;
        }
        int migrated = 0;
        for (ProcessDefinition latest : repository.createProcessDefinitionQuery().latestVersion().list()) {
            for (ProcessDefinition earlier : repository.createProcessDefinitionQuery().processDefinitionKey(latest.getKey())
                    .list()) {
                if (earlier.getVersion() < latest.getVersion()) {
                    migrated += migrate(earlier, latest);
                }
            }
        }
        boolean ledgerJustBuilt = inFlight.backfillLedgerOnce();
        if (ledgerJustBuilt || migrated > 0) {
            inFlight.offerWaitingDecisionsAnew();
        }
    }

    /** Returns how many instances it migrated. */
    private int migrate(ProcessDefinition earlier, ProcessDefinition latest) {
        List<String> instances = runtime.createProcessInstanceQuery().processDefinitionId(earlier.getId()).list().stream()
                .map(instance -> instance.getId()).toList();
        if (instances.isEmpty()) {
            return 0;
        }
        try {
            MigrationPlan plan = runtime.createMigrationPlan(earlier.getId(), latest.getId()).mapEqualActivities()
                    .updateEventTriggers().build();
            runtime.newMigration(plan).processInstanceIds(instances).execute();
            log.info("Migrated {} instance(s) of {} from version {} to {}", instances.size(), latest.getKey(),
                    earlier.getVersion(), latest.getVersion());
            return instances.size();
        } catch (RuntimeException cannot) {
            log.warn("Could not migrate {} instance(s) of {} version {} to version {}: {}. Move them in Cockpit.",
                    instances.size(), latest.getKey(), earlier.getVersion(), latest.getVersion(), cannot.getMessage());
            return 0;
        }
    }
}
