package org.tokengov.upgrade;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.DeploymentQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tokengov.upgrade.RunnableDeployments.Choice;
import org.tokengov.upgrade.RunnableDeployments.Found;
import org.tokengov.upgrade.RunnableDeployments.Kind;

/**
 * Deploys a node's diagrams as {@link RunnableDeployments} decides, and registers the deployments whose jobs the node
 * runs with its deployment-aware job executor (jobs of no deployment, such as the history cleanup's, are taken by
 * every node). Deciding and deploying hold Camunda's deployment lock, so that a node of an older release
 * starting while a newer one deploys never sees its own diagrams as the latest and deploys them again.
 */
final class DiagramDeployment {

    private static final Logger log = LoggerFactory.getLogger(DiagramDeployment.class);

    /** The name of the app's deployments: the Spring Boot starter's, which made them before this release. */
    static final String NAME = "SpringAutoDeployment";

    private DiagramDeployment() {
    }

    static Choice deploy(ProcessEngineConfigurationImpl engine, List<DiagramResource> diagrams) {
        Choice choice = engine.getCommandExecutorTxRequired().execute(context -> chooseAndDeploy(context, engine, diagrams));
        choice.runnable().forEach(engine.getManagementService()::registerDeploymentForJobExecutor);
        return choice;
    }

    private static Choice chooseAndDeploy(CommandContext context, ProcessEngineConfigurationImpl engine,
            List<DiagramResource> diagrams) {
        context.getPropertyManager().acquireExclusiveLock();
        List<Found> found = context.getDeploymentManager().findDeploymentsByQueryCriteria(
                (DeploymentQueryImpl) new DeploymentQueryImpl().orderByDeploymentTime().asc().orderByDeploymentId().asc(), null)
                .stream().map(deployment -> found(context, deployment)).toList();
        Choice choice = RunnableDeployments.choose(DiagramResource.fingerprint(diagrams), found);
        switch (choice.kind()) {
            case NEW -> {
                DeploymentBuilderImpl builder = (DeploymentBuilderImpl) engine.getRepositoryService().createDeployment().name(NAME);
                diagrams.forEach(diagram -> builder.addInputStream(diagram.name(), new ByteArrayInputStream(diagram.content())));
                Deployment made = new DeployCmd(builder).execute(context);
                log.info("Deployed this node's {} diagrams, decision tables and forms as deployment {}; this node runs the"
                        + " jobs of it and of the {} deployment(s) before it", diagrams.size(), made.getId(),
                        choice.runnable().size());
                return new Choice(Kind.NEW, new Found(made.getId(), made.getDeploymentTime().toInstant(), null),
                        choice.latest(), append(choice.runnable(), made.getId()));
            }
            case UNCHANGED -> log.info("This node's diagrams are deployed already (deployment {} of {}): deploying nothing;"
                    + " this node runs the jobs of all {} deployment(s)", choice.own().id(), choice.own().deployedAt(),
                    choice.runnable().size());
            case OLDER -> log.warn("This node's diagrams are those of deployment {} of {}, older than the latest, {} of {}:"
                    + " a newer release runs on this database. Deploying nothing and migrating no instance; this node runs"
                    + " only the jobs of deployment {} and the {} before it, none of the newer diagrams'. Stop this node once"
                    + " the newer release runs (docs/operator-guide.md, \"Upgrading\").", choice.own().id(), choice.own().deployedAt(),
                    choice.latest().id(), choice.latest().deployedAt(), choice.own().id(), choice.runnable().size() - 1);
        }
        return choice;
    }

    private static Found found(CommandContext context, Deployment deployment) {
        if (!NAME.equals(deployment.getName())) {
            return new Found(deployment.getId(), deployment.getDeploymentTime().toInstant(), null);
        }
        return new Found(deployment.getId(), deployment.getDeploymentTime().toInstant(), () -> diagramsOf(context, deployment));
    }

    private static SortedMap<String, String> diagramsOf(CommandContext context, Deployment deployment) {
        List<ResourceEntity> resources = context.getResourceManager().findResourcesByDeploymentId(deployment.getId());
        return DiagramResource.fingerprint(resources.stream()
                .map(resource -> new DiagramResource(resource.getName(), resource.getBytes())).toList());
    }

    private static List<String> append(List<String> ids, String id) {
        return Stream.concat(ids.stream(), Stream.of(id)).toList();
    }
}
