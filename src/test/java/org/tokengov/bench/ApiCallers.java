package org.tokengov.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Who calls REDCap's API in {@link FairUseBenchmark}, and how much: {@code tokens} holders, {@code perProject} on each
 * project. Most call lightly and a few heavily (a Pareto spread of their daily calls, capped so that no ordinary caller
 * looks like a poller); some misuse it as the policy describes: a few poll every 5 s for hours, some export records in
 * bulk in a peak hour, some call far more often (and at other hours) than their request declared. A tenth hold a
 * request that declares their use generously, so the declared-usage rule has work without finding anything there.
 */
final class ApiCallers {

    static final long FIRST_PROJECT = 1_001;

    /** How a holder uses the API, besides their ordinary calls. */
    enum Role {
        ORDINARY,
        /** Exports records every {@link #POLL_SECONDS} s from {@link #POLL_FROM_HOUR} for {@link #POLL_HOURS} hours. */
        POLLER,
        /** Exports records {@code 30 + n} times between 10:00 and 11:00 on weekdays (the threshold is 20 an hour). */
        PEAK_BULK_EXPORTER,
        /** Declared {@link #DECLARED_BY_OVERUSERS} calls a day, nightly at 02:00; makes {@link #OVERUSE} in office hours. */
        OVER_DECLARED,
        /** Declared twice their ordinary calls a day, "on demand": within what they declared. */
        WITHIN_DECLARED
    }

    static final int POLL_SECONDS = 5;
    static final int POLL_FROM_HOUR = 19;
    static final int POLL_HOURS = 4;
    static final int DECLARED_BY_OVERUSERS = 20;
    static final int OVERUSE = 1_000;

    final int tokens;
    final int perProject;
    final Role[] roles;
    /** Each holder's ordinary calls a day. */
    final int[] ordinaryCalls;
    /** Each bulk exporter's record exports in its peak hour. */
    final int[] bulkExports;

    ApiCallers(int tokens, int perProject, long eventsPerDay, Random random) {
        this.tokens = tokens;
        this.perProject = perProject;
        this.roles = new Role[tokens];
        this.bulkExports = new int[tokens];
        Arrays.fill(roles, Role.ORDINARY);
        List<Integer> shuffled = new ArrayList<>();
        for (int t = 0; t < tokens; t++) {
            shuffled.add(t);
        }
        Collections.shuffle(shuffled, random);
        int next = 0;
        next = assign(shuffled, next, Math.max(2, tokens / 1_000), Role.POLLER);
        int bulkFrom = next;
        next = assign(shuffled, next, Math.max(3, tokens / 250), Role.PEAK_BULK_EXPORTER);
        for (int i = bulkFrom; i < next; i++) {
            bulkExports[shuffled.get(i)] = 30 + random.nextInt(200);
        }
        next = assign(shuffled, next, Math.max(3, tokens / 500), Role.OVER_DECLARED);
        assign(shuffled, next, tokens / 10, Role.WITHIN_DECLARED);
        this.ordinaryCalls = ordinary(Math.max(0, eventsPerDay - misuseCallsOnAWeekday() - failedRequests(eventsPerDay)),
                random);
    }

    private int assign(List<Integer> shuffled, int from, int count, Role role) {
        int to = Math.min(shuffled.size(), from + count);
        for (int i = from; i < to; i++) {
            roles[shuffled.get(i)] = role;
        }
        return to;
    }

    /**
     * Ordinary calls a day, {@code total} in all: Pareto-distributed (80/20), each capped at 1,500 or three times the
     * mean, whichever is more: about two calls a minute in office hours at most, far from polling.
     */
    private int[] ordinary(long total, Random random) {
        double[] weight = new double[tokens];
        for (int t = 0; t < tokens; t++) {
            weight[t] = Math.pow(1 - random.nextDouble(), -1 / 1.16);
        }
        double cap = Math.max(1_500, 3.0 * total / tokens);
        double low = 0;
        double high = total;
        for (int i = 0; i < 100; i++) {
            double scale = (low + high) / 2;
            if (capped(weight, scale, cap) < total) {
                low = scale;
            } else {
                high = scale;
            }
        }
        int[] calls = new int[tokens];
        long given = 0;
        for (int t = 0; t < tokens; t++) {
            calls[t] = (int) Math.min(weight[t] * high, cap);
            given += calls[t];
        }
        for (long missing = total - given; missing > 0; missing--) {
            calls[random.nextInt(tokens)]++;
        }
        return calls;
    }

    private static double capped(double[] weight, double scale, double cap) {
        double sum = 0;
        for (double w : weight) {
            sum += Math.min(w * scale, cap);
        }
        return sum;
    }

    long misuseCallsOnAWeekday() {
        long calls = 0;
        for (int t = 0; t < tokens; t++) {
            calls += switch (roles[t]) {
                case POLLER -> 3_600L * POLL_HOURS / POLL_SECONDS;
                case PEAK_BULK_EXPORTER -> bulkExports[t];
                case OVER_DECLARED -> OVERUSE;
                default -> 0;
            };
        }
        return calls;
    }

    /** Failed requests (a bad token: REDCap logs them without a project, the POST with its token included). */
    static long failedRequests(long eventsPerDay) {
        return eventsPerDay / 1_000;
    }

    long count(Role role) {
        return Arrays.stream(roles).filter(role::equals).count();
    }

    long project(int token) {
        return FIRST_PROJECT + token / perProject;
    }

    int projects() {
        return (tokens + perProject - 1) / perProject;
    }

    static String username(int token) {
        return String.format("caller%06d", token);
    }

    /** The log table REDCap gave the project: spread over its twelve, as REDCap does. */
    static String logTable(long projectId) {
        int table = (int) ((projectId - FIRST_PROJECT) % 12);
        return table == 0 ? "redcap_log_event" : "redcap_log_event" + (table + 1);
    }
}
