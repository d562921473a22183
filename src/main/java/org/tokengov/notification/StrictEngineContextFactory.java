package org.tokengov.notification;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.context.EngineContext;
import org.thymeleaf.context.IContext;
import org.thymeleaf.context.IEngineContext;
import org.thymeleaf.context.IEngineContextFactory;
import org.thymeleaf.engine.TemplateData;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.spring6.naming.SpringContextVariableNames;

/**
 * Makes a template that names a value its model lacks fail instead of printing nothing: a mail that silently leaves
 * out a name or a day is worse than an error. Values that are there but empty ("" or null) are fine. The variables
 * Thymeleaf looks up for itself (names that are not plain identifiers, e.g. {@code thymeleaf::EvaluationContext}, and
 * its Spring integration's request-context names, asked for by links) keep their lenient lookup.
 */
final class StrictEngineContextFactory implements IEngineContextFactory {

    private static final Set<String> THYMELEAF_OWN = Set.of(SpringContextVariableNames.SPRING_REQUEST_CONTEXT,
            SpringContextVariableNames.THYMELEAF_REQUEST_CONTEXT, SpringContextVariableNames.THYMELEAF_FIELD_BIND_STATUS,
            SpringContextVariableNames.SPRING_BOUND_OBJECT_EXPRESSION);

    @Override
    public IEngineContext createEngineContext(IEngineConfiguration configuration, TemplateData templateData,
            Map<String, Object> templateResolutionAttributes, IContext context) {
        Map<String, Object> variables = new HashMap<>();
        context.getVariableNames().forEach(name -> variables.put(name, context.getVariable(name)));
        return new StrictEngineContext(configuration, templateData, templateResolutionAttributes, context, variables);
    }

    private static final class StrictEngineContext extends EngineContext {

        StrictEngineContext(IEngineConfiguration configuration, TemplateData templateData,
                Map<String, Object> templateResolutionAttributes, IContext context, Map<String, Object> variables) {
            super(configuration, templateData, templateResolutionAttributes, context.getLocale(), variables);
        }

        @Override
        public Object getVariable(String name) {
            if (!containsVariable(name) && isPlainName(name)) {
                throw new TemplateProcessingException("Template " + getTemplateData().getTemplate()
                        + " uses the value '" + name + "', which its model does not have; it has "
                        + getVariableNames());
            }
            return super.getVariable(name);
        }

        private static boolean isPlainName(String name) {
            return name.matches("[A-Za-z][A-Za-z0-9_]*") && !THYMELEAF_OWN.contains(name);
        }
    }
}
