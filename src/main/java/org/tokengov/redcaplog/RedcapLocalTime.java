package org.tokengov.redcaplog;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

/**
 * REDCap's log times are its server's wall-clock time ({@code tokengov.redcap.environments.<env>.time-zone}), never
 * UTC. A wall-clock time inside a daylight-saving fall-back happens twice; which of the two a row means is decided by
 * the row read before it (in REDCap's log order): once the log has passed the change, or has been more than a few
 * minutes later than this row's first reading, the clock went back and the later one is meant.
 */
final class RedcapLocalTime {

    /** How far REDCap's rows may come out of order (a row's time is taken when its request started). */
    static final Duration STRAGGLERS = Duration.ofMinutes(15);

    private RedcapLocalTime() {
    }

    /**
     * @param previous the instant of the row read before this one (or where the last read left off), or null
     */
    static Instant toInstant(LocalDateTime local, ZoneId zone, Instant previous) {
        ZonedDateTime first = local.atZone(zone).withEarlierOffsetAtOverlap();
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition == null || !transition.isOverlap() || previous == null) {
            return first.toInstant();
        }
        boolean clockWentBack = !previous.isBefore(transition.getInstant())
                || first.toInstant().isBefore(previous.minus(STRAGGLERS));
        return clockWentBack ? local.atZone(zone).withLaterOffsetAtOverlap().toInstant() : first.toInstant();
    }
}
