package org.tokengov.engineaccess;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Keeps refused steps out of the error log. The engine logs every exception a listener throws as
 * "ENGINE-16004 Exception while closing command context" at ERROR with a stack trace, refusals included (it logs
 * them at DEBUG only when thrown directly, not wrapped). That line is dropped when the exception holds a refusal;
 * the refusal is logged once, in one line, where it is answered. Real errors stay ERROR.
 */
final class RefusalLogFilter extends TurboFilter {

    private static final String CLOSING_COMMAND_CONTEXT = "ENGINE-16004";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != Level.ERROR || format == null || !format.startsWith(CLOSING_COMMAND_CONTEXT)) {
            return FilterReply.NEUTRAL;
        }
        Throwable thrown = t != null ? t : lastThrowable(params);
        return thrown != null && Refusals.innermost(thrown).isPresent() ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    private static Throwable lastThrowable(Object[] params) {
        return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable thrown ? thrown : null;
    }
}
