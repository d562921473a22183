package org.tokengov.budgetwait;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobHelper;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobHelper.ExceptionLoggingHandler;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Keeps the engine's stack traces of a job that found the budget spent out of the log (the job executor's warning and
 * the command context's error): {@link WaitForLaterBudgetWindowCmd} logs one line instead. Every other failure is
 * logged as before.
 */
final class QuietSpentBudget {

    private static final String ENGINE_LOGGERS = "org.camunda.bpm.engine";

    private QuietSpentBudget() {
    }

    /** Installs both, once per JVM and logging context, whatever number of engines start. */
    static synchronized void install() {
        ExceptionLoggingHandler current = ExecuteJobHelper.LOGGING_HANDLER;
        if (!(current instanceof JobExecutorLog)) {
            ExecuteJobHelper.LOGGING_HANDLER = new JobExecutorLog(current);
        }
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging
                && logging.getTurboFilterList().stream().noneMatch(EngineLogFilter.class::isInstance)) {
            logging.addTurboFilter(new EngineLogFilter());
        }
    }

    private record JobExecutorLog(ExceptionLoggingHandler otherFailures) implements ExceptionLoggingHandler {

        @Override
        public void exceptionWhileExecutingJob(String jobId, Throwable exception) {
            if (!SpentBudget.causedIt(exception)) {
                otherFailures.exceptionWhileExecutingJob(jobId, exception);
            }
        }
    }

    /** Drops the engine's log events that carry a spent budget (Camunda passes the exception as the last argument). */
    static final class EngineLogFilter extends TurboFilter {

        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                Throwable thrown) {
            if (logger == null || !logger.getName().startsWith(ENGINE_LOGGERS)) {
                return FilterReply.NEUTRAL;
            }
            if (SpentBudget.causedIt(thrown)) {
                return FilterReply.DENY;
            }
            if (params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last
                    && SpentBudget.causedIt(last)) {
                return FilterReply.DENY;
            }
            return FilterReply.NEUTRAL;
        }
    }
}
