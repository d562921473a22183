package org.tokengov.upgrade;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.stereotype.Component;
import org.tokengov.upgrade.RunnableDeployments.Choice;
import org.tokengov.upgrade.RunnableDeployments.Kind;

/**
 * Deploys the app's diagrams, decision tables and forms ({@code camunda.bpm.deployment-resource-pattern}) when the engine
 * is built, before the job executor starts, in place of the starter's auto-deployment (switched off in
 * application.yml), so that every node runs only the jobs it may (see {@link RunnableDeployments}).
 */
@Component
class DiagramsOnStart extends AbstractProcessEnginePlugin {

    private final ResourcePatternResolver resources;
    private final CamundaBpmProperties camunda;
    private volatile Choice choice;

    DiagramsOnStart(ResourceLoader resources, CamundaBpmProperties camunda) {
        this.resources = ResourcePatternUtils.getResourcePatternResolver(resources);
        this.camunda = camunda;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        choice = DiagramDeployment.deploy(((ProcessEngineImpl) engine).getProcessEngineConfiguration(), diagrams());
    }

    /** Whether this node is of an older release than the latest deployed (it then migrates no instance). */
    boolean olderThanLatest() {
        return choice != null && choice.kind() == Kind.OLDER;
    }

    private List<DiagramResource> diagrams() {
        List<DiagramResource> diagrams = new ArrayList<>();
        try {
            for (String pattern : camunda.getDeploymentResourcePattern()) {
                for (Resource resource : resources.getResources(pattern)) {
                    if (resource.isReadable()) {
                        try (InputStream content = resource.getInputStream()) {
                            diagrams.add(new DiagramResource(resource.getFilename(), content.readAllBytes()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the diagrams to deploy", e);
        }
        return diagrams;
    }
}
