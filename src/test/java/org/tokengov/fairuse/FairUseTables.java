package org.tokengov.fairuse;

import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.flywaydb.core.Flyway;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.tokengov.audit.AuditTrail;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.usage.Certainty;
import org.tokengov.usage.FairUseFindings;
import org.tokengov.usage.FairUseFindings.NewFinding;
import org.tokengov.usage.FairUseRule;
import org.tokengov.usage.Finding;

/**
 * The app's tables on a fresh in-memory H2 (every migration), with the real findings repository and misuse cases on
 * them, on the engine's clock ({@link ClockUtil}), for tests of the cases without the app around them.
 */
final class FairUseTables {

    static final FairUseProperties DEFAULTS = new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("tokengov.fair-use", FairUseProperties.class);

    /** The engine's clock, as the app's clock bean follows it. */
    static final Clock ENGINE_CLOCK = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return ClockUtil.now().toInstant();
        }
    };

    final String url = "jdbc:h2:mem:fairuse-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
    final JdbcTemplate jdbc;
    /** Each recorded finding's window starts a minute before the last one's, so none is known already. */
    private int recorded;
    final DataSourceTransactionManager transactions;
    final FairUseFindings findings;

    FairUseTables() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
        findings = findingsOn(jdbc);
    }

    /** The same database through a pool of its own: another transaction than any of {@link #jdbc}'s. */
    JdbcTemplate anotherClient() {
        return new JdbcTemplate(new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", ""));
    }

    FairUseCases cases(RuntimeService runtime, IdentityService identity, AuditTrail auditTrail) {
        return new FairUseCases(jdbc, transactions, findings, runtime, identity, auditTrail, DEFAULTS, ENGINE_CLOCK);
    }

    /** Records a new finding found now, about {@code tokenId} held by {@code holder} in PROD project 101. */
    Finding record(FairUseRule rule, Certainty certainty, boolean severe, String tokenId, String holder) {
        return record(rule, certainty, severe, tokenId, holder, "720 calls, one every 5 seconds for 60 minutes");
    }

    Finding record(FairUseRule rule, Certainty certainty, boolean severe, String tokenId, String holder,
            String observed) {
        Instant now = ClockUtil.now().toInstant();
        return findings.record(new NewFinding(rule, certainty, severe, tokenId, holder, RedcapEnvironment.PROD, 101,
                now.minusSeconds(3600 + 60L * recorded++), now, observed), now).orElseThrow();
    }

    Finding confirmed(FairUseRule rule, String tokenId, String holder) {
        return record(rule, Certainty.CONFIRMED, false, tokenId, holder);
    }

    /** The findings repository is the usage package's; its constructor is Spring's to call. */
    private static FairUseFindings findingsOn(JdbcTemplate jdbc) {
        try {
            Constructor<FairUseFindings> constructor = FairUseFindings.class.getDeclaredConstructor(JdbcTemplate.class);
            constructor.setAccessible(true);
            return constructor.newInstance(jdbc);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
