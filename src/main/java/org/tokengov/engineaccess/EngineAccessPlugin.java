package org.tokengov.engineaccess;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link CommandGuard} in front of the engine's command chains (before the transaction and the command
 * context are opened, so it sees which command is the outermost one).
 */
@Component
class EngineAccessPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandRules rules = new CommandRules(configuration, new Administrators(configuration), new DeployedForms(configuration));
        configuration.setCustomPreCommandInterceptorsTxRequired(withGuard(
                configuration.getCustomPreCommandInterceptorsTxRequired(), new CommandGuard(configuration.getIdentityService(), rules)));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(withGuard(
                configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new CommandGuard(configuration.getIdentityService(), rules)));
    }

    private static List<CommandInterceptor> withGuard(List<CommandInterceptor> interceptors, CommandGuard guard) {
        List<CommandInterceptor> all = new ArrayList<>();
        all.add(guard);
        if (interceptors != null) {
            all.addAll(interceptors);
        }
        return all;
    }
}
