package org.tokengov.fairuse;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hours a request's {@code callSchedule} names. The schedule is free text ("nightly at 02:00, Mondays at 22:00"),
 * so only clock times are read: {@code 02:00}, {@code 2.30}, {@code 22h00}, {@code 2 am}, {@code 10pm}. Each time
 * declares its hour and the next (a job may run for up to an hour). A schedule with no clock time in it ("every 5
 * minutes", "on demand") declares no hours, and the rule's schedule half does not apply to it.
 */
final class DeclaredSchedule {

    private static final Pattern CLOCK = Pattern.compile("\\b([01]?\\d|2[0-3])[:.h]([0-5]\\d)\\b");
    private static final Pattern AM_PM = Pattern.compile("\\b(1[0-2]|0?[1-9])\\s*([ap])\\.?m\\b", Pattern.CASE_INSENSITIVE);

    private DeclaredSchedule() {
    }

    /** The declared hours of day (0–23), empty when the schedule names no clock time. */
    static Set<Integer> hours(String schedule) {
        if (schedule == null) {
            return Set.of();
        }
        Set<Integer> hours = new TreeSet<>();
        Matcher clock = CLOCK.matcher(schedule);
        while (clock.find()) {
            declare(hours, Integer.parseInt(clock.group(1)));
        }
        Matcher amPm = AM_PM.matcher(schedule);
        while (amPm.find()) {
            int hour = Integer.parseInt(amPm.group(1)) % 12;
            declare(hours, amPm.group(2).equalsIgnoreCase("p") ? hour + 12 : hour);
        }
        return Collections.unmodifiableSet(hours);
    }

    private static void declare(Set<Integer> hours, int hour) {
        hours.add(hour);
        hours.add((hour + 1) % 24);
    }
}
