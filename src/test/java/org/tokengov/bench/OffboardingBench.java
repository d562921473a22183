package org.tokengov.bench;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tokengov.TokenGovernanceApplication;
import org.tokengov.testsupport.RealServers;

/** What the offboarding benchmarks share: the servers with the job executor on, people, and reading the results. */
final class OffboardingBench {

    static final String SECRET = "bench-hr-secret-" + System.nanoTime();
    static final DateTimeFormatter REDCAP_TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private OffboardingBench() {
    }

    /** The real servers, with the job executor running as in production (not the tests' hand-run jobs). */
    static class Servers extends RealServers {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues.of("camunda.bpm.job-execution.enabled=true",
                    "spring.datasource.hikari.maximum-pool-size=20",
                    "tokengov.hr.webhook-secret=" + SECRET,
                    "logging.level.org.tokengov.notification=WARN",
                    "logging.level.org.tokengov.redcap=WARN").applyTo(context);
        }
    }

    /**
     * A second replica of the benchmark's node: the same settings (the test's property source) on the same databases and
     * REDCap, its own port, no simulator (the first node serves it) and no demo data. The caller closes it.
     */
    static ConfigurableApplicationContext secondReplica(ConfigurableApplicationContext first) {
        // "test": what TestPropertyValues calls the property source it adds.
        EnumerablePropertySource<?> testProperties = (EnumerablePropertySource<?>) first.getEnvironment()
                .getPropertySources().get("test");
        Map<String, Object> settings = new java.util.HashMap<>();
        for (String name : testProperties.getPropertyNames()) {
            settings.put(name, testProperties.getProperty(name));
        }
        settings.put("server.port", RealServers.freePort());
        settings.put("redcap-sim.enabled", false);
        settings.put("tokengov.demo.enabled", false);
        return new SpringApplicationBuilder(TokenGovernanceApplication.class)
                .initializers(replica -> replica.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("replica-b", settings)))
                .run();
    }

    /** People exist in the identity store before they leave (entitlement groups need them). */
    static void createPeople(IdentityService identity, List<String> usernames) {
        for (String username : usernames) {
            if (identity.createUserQuery().userId(username).count() == 0) {
                User user = identity.newUser(username);
                user.setEmail(username + "@example.org");
                identity.saveUser(user);
            }
        }
    }

    static List<String> people(String prefix, int count) {
        List<String> people = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            people.add(String.format("%s%04d", prefix, i));
        }
        return people;
    }

    /**
     * Statistics as a PostgreSQL with autovacuum on (its default) has them a minute after the seeding. This machine's
     * server runs with autovacuum off: without statistics the planner starts a message correlation by business key from
     * every subscription of that message (26 ms each for 3,000 lifecycles) instead of from the business key (0.2 ms).
     */
    static void analyze(JdbcClient jdbc) {
        jdbc.sql("analyze").update();
    }

    /** Offboarding event id → when its last token was confirmed revoked, for completed events. */
    static Map<String, Instant> lastRevocations(JdbcClient jdbc, List<String> eventIds) {
        Map<String, Instant> last = new java.util.HashMap<>();
        jdbc.sql("""
                select r.event_id, max(r.revoked_at) from offboarding_revocation r
                join offboarding_event e on e.id = r.event_id
                where e.outcome = 'COMPLETED' group by r.event_id""")
                .query(rs -> {
                    last.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                });
        last.keySet().retainAll(eventIds);
        return last;
    }

    /** Epoch seconds of every API call REDCap logged between the two moments. */
    static List<Long> apiCalls(JdbcTemplate redcap, Instant from, Instant to) {
        return apiCalls(redcap, from, to, ZoneId.systemDefault());
    }

    /**
     * As above, for a REDCap that logs the wall-clock time of {@code redcapZone} (as REDCap does: its server's), in
     * every log table (a project logs to the one it names, e.g. the demo's PROD 101 to {@code redcap_log_event5}).
     */
    static List<Long> apiCalls(JdbcTemplate redcap, Instant from, Instant to, ZoneId redcapZone) {
        List<String> tables = new ArrayList<>(List.of("redcap_log_event"));
        for (int table = 2; table <= 12; table++) {
            tables.add("redcap_log_event" + table);
        }
        String sql = tables.stream().map(table -> "SELECT ts FROM " + table + " WHERE page = 'api/index.php'"
                + " AND description LIKE '%(API)' AND ts BETWEEN ? AND ?").collect(java.util.stream.Collectors.joining(
                " UNION ALL ")) + " ORDER BY ts";
        Object[] window = new Object[tables.size() * 2];
        for (int i = 0; i < window.length; i += 2) {
            window[i] = redcapTs(from, redcapZone);
            window[i + 1] = redcapTs(to, redcapZone);
        }
        return redcap.queryForList(sql, Long.class, window)
                .stream()
                .map(ts -> LocalDateTime.parse(Long.toString(ts), REDCAP_TS).atZone(redcapZone).toEpochSecond())
                .toList();
    }

    static long redcapTs(Instant at) {
        return redcapTs(at, ZoneId.systemDefault());
    }

    static long redcapTs(Instant at, ZoneId redcapZone) {
        return Long.parseLong(REDCAP_TS.format(LocalDateTime.ofInstant(at, redcapZone)));
    }

    static long percentile(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
