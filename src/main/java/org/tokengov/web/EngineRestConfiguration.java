package org.tokengov.web;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/** Camunda's REST resources plus our mapping of refused process steps to 400/403. */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(RefusedStepExceptionMapper.ForRestException.class);
        register(RefusedStepExceptionMapper.ForProcessEngineException.class);
    }
}
