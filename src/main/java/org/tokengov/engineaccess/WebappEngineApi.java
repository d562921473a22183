package org.tokengov.engineaccess;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;

/**
 * The webapps' engine API (what Tasklist calls, {@code /camunda/api/engine}) as Camunda builds it, plus the mapping
 * of refused steps to 400/403 with a plain sentence that {@code /engine-rest} has.
 */
public class WebappEngineApi extends EngineRestApplication {

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new HashSet<>(super.getClasses());
        classes.add(RefusedStepExceptionMapper.ForRestException.class);
        classes.add(RefusedStepExceptionMapper.ForProcessEngineException.class);
        return classes;
    }
}
