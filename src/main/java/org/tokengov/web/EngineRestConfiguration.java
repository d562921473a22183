package org.tokengov.web;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;
import org.tokengov.engineaccess.RefusedStepExceptionMapper;

/** Camunda's REST resources plus the mapping of refused process steps to 400/403 with a plain sentence. */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(RefusedStepExceptionMapper.ForRestException.class);
        register(RefusedStepExceptionMapper.ForProcessEngineException.class);
    }
}
