package org.tokengov.engineaccess;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine-side backstop: judges each outermost command by who runs it, whichever way it arrived (REST, the
 * webapps, the Java API run as a person, endpoints to come). Commands nested in a running command (listeners and
 * delegates calling the engine) are the process's own work and pass unjudged, as do commands without an
 * authenticated person: the application itself, jobs, and calls made through {@code SystemAuthority}.
 */
final class CommandGuard extends CommandInterceptor {

    private final IdentityService identity;
    private final CommandRules rules;

    CommandGuard(IdentityService identity, CommandRules rules) {
        this.identity = identity;
        this.rules = rules;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (Context.getCommandContext() != null) {
            return next.execute(command);
        }
        return next.execute(rules.judge(command, identity.getCurrentAuthentication()));
    }
}
