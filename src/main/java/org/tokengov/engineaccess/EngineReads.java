package org.tokengov.engineaccess;

import java.util.function.Function;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Reads facts the access checks need (a task's assignee, a form's fields) in a command of their own, without the
 * caller's authorizations: whether the caller may see the task is for the command they asked for to decide.
 */
final class EngineReads {

    private EngineReads() {
    }

    static <T> T read(ProcessEngineConfigurationImpl engine, Function<CommandContext, T> read) {
        return engine.getCommandExecutorTxRequired().execute(new Read<>(read));
    }

    /** A named class rather than a lambda, so the guard (which judges commands by class) plainly lets it through. */
    private record Read<T>(Function<CommandContext, T> read) implements Command<T> {

        @Override
        public T execute(CommandContext context) {
            boolean checking = context.isAuthorizationCheckEnabled();
            context.disableAuthorizationCheck();
            try {
                return read.apply(context);
            } finally {
                context.setAuthorizationCheckEnabled(checking);
            }
        }
    }
}
