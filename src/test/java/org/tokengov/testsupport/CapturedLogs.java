package org.tokengov.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Every log event of every thread while attached to the root logger, rendered as a log file would show it (message,
 * MDC, arguments, stack trace), with chosen loggers turned up to DEBUG meanwhile; {@link #close()} restores them.
 */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();
    private final Map<Logger, Level> previousLevels = new LinkedHashMap<>();
    private int debugEvents;

    private CapturedLogs() {
    }

    /** Starts capturing, with these loggers (and their children) at DEBUG. */
    public static CapturedLogs atDebug(String... loggerNames) {
        CapturedLogs logs = new CapturedLogs();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        logs.setContext(context);
        for (String name : loggerNames) {
            Logger logger = context.getLogger(name);
            logs.previousLevels.put(logger, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
        logs.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(logs);
        return logs;
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        if (event.getLevel() == Level.DEBUG) {
            debugEvents++;
        }
        StringBuilder line = new StringBuilder().append(event.getLevel()).append(' ').append(event.getLoggerName())
                .append(' ').append(event.getFormattedMessage()).append(' ').append(event.getMDCPropertyMap());
        if (event.getArgumentArray() != null) {
            for (Object argument : event.getArgumentArray()) {
                line.append(' ').append(argument);
            }
        }
        if (event.getThrowableProxy() != null) {
            line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        lines.add(line.toString());
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** How many DEBUG events were captured: proof that the levels took effect. */
    public synchronized int debugEvents() {
        return debugEvents;
    }

    @Override
    public void close() {
        ((LoggerContext) getContext()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
        stop();
        previousLevels.forEach(Logger::setLevel);
    }
}
