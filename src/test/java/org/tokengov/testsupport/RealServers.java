package org.tokengov.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.camunda.bpm.container.RuntimeContainerDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the whole app at the machine's real servers: the engine and registry on a new PostgreSQL
 * database, the REDCap simulator's QA and PROD schemas on two new MariaDB databases (the app reaches
 * them over real HTTP and SQL, as it would a real REDCap), on a free port. Jobs are run by the tests,
 * not by the job executor, so every step is deterministic.
 */
public class RealServers implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The steward tokens of this run: random, never the demo values. */
    public static final String QA_STEWARD_TOKEN = randomToken();
    public static final String PROD_STEWARD_TOKEN = randomToken();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        int port = freePort();
        String qaDatabase = redcapDatabase("redcap_qa");
        String prodDatabase = redcapDatabase("redcap_prod");
        TestPropertyValues.of(
                "server.port=" + port,
                "spring.datasource.url=" + engineDatabase(),
                "spring.datasource.username=" + TestDatabases.POSTGRES_USER,
                "spring.datasource.password=",
                // Spring keeps every test context alive, each with its pool on the machine's PostgreSQL (100
                // connections at most): an idle context keeps one connection, a busy one takes a few.
                "spring.datasource.hikari.maximum-pool-size=6",
                "spring.datasource.hikari.minimum-idle=1",
                "spring.datasource.hikari.idle-timeout=10000",
                "camunda.bpm.job-execution.enabled=false",
                "camunda.bpm.generic-properties.properties.failed-job-retry-time-cycle=R2/PT1S",
                "redcap-sim.hang-duration=20s",
                "redcap-sim.environments.qa.jdbc-url=" + qaDatabase,
                "redcap-sim.environments.qa.username=" + TestDatabases.MARIADB_USER,
                "redcap-sim.environments.qa.password=",
                "redcap-sim.environments.prod.jdbc-url=" + prodDatabase,
                "redcap-sim.environments.prod.username=" + TestDatabases.MARIADB_USER,
                "redcap-sim.environments.prod.password=",
                "tokengov.redcap.environments.qa.api-url=http://127.0.0.1:" + port + "/redcap-sim/qa/api/",
                "tokengov.redcap.environments.qa.database.username=" + TestDatabases.MARIADB_USER,
                "tokengov.redcap.environments.qa.request-timeout=PT2S",
                "tokengov.redcap.environments.prod.api-url=http://127.0.0.1:" + port + "/redcap-sim/prod/api/",
                "tokengov.redcap.environments.prod.database.username=" + TestDatabases.MARIADB_USER,
                "tokengov.redcap.environments.prod.request-timeout=PT2S",
                "tokengov.offboarding.identity-poll-interval=PT24H",
                // Test classes sharing a context share its database: the mass-termination guard would count their
                // terminations together and hold some at random. MassTerminationIT turns it on with a threshold of its own.
                "tokengov.offboarding.mass-termination.enabled=false",
                // Tests move the engine's clock by days and run what is due: reconciliation runs where a test starts it.
                "tokengov.reconciliation.cycle=R/P3650D",
                // ...and evaluates fair use where a test asks for it.
                "tokengov.fair-use.cycle=R/P3650D",
                // ...and polls REDCap's to-do lists where a test presses the request button.
                "tokengov.request-button.cycle=PT24H",
                // REDCap enables no API rights by default, nor do the seeded projects: with the PI consent gate on,
                // every request would wait for its PI. Tests of the later steps leave the gate off; PiConsentIT
                // and the process tests run it.
                "tokengov.policy.pi-consent.required=" + requirePiConsent(),
                // The walks through the pipeline complete 'Develop and test in QA' without calling REDCap with the QA
                // token: they leave the QA use gate off; QaUseGateIT runs it.
                "tokengov.request.require-qa-use=" + requireQaUse(),
                "tokengov.demo.password=demo",
                // The audit entries' MAC key of this run; the sealer runs where a test verifies the chain.
                "tokengov.audit.key=audit-key-" + randomToken(),
                "tokengov.audit.seal-interval=PT24H")
                .applyTo(context);
        if (withStewardTokens()) {
            // The embedded default holds no steward token (the database mode needs none); tests that switch an
            // environment to the manual mode need one to call REDCap's API with, and REDCap must know it.
            TestPropertyValues.of(
                    "redcap-sim.environments.qa.steward-tokens.[201]=" + QA_STEWARD_TOKEN,
                    "redcap-sim.environments.prod.steward-tokens.[101]=" + PROD_STEWARD_TOKEN,
                    "tokengov.redcap.environments.qa.steward-tokens.[201]=" + QA_STEWARD_TOKEN,
                    "tokengov.redcap.environments.prod.steward-tokens.[101]=" + PROD_STEWARD_TOKEN)
                    .applyTo(context);
        }
    }

    /** The engine's and the app's database: a new one for each context, unless a subclass shares one. */
    protected String engineDatabase() {
        return TestDatabases.newPostgresDatabase("tokengov");
    }

    /** A REDCap server's schema for the simulator: a new one for each context, unless a subclass shares one. */
    protected String redcapDatabase(String prefix) {
        return TestDatabases.newMariaDbDatabase(prefix);
    }

    /** Whether requests need the PI's consent (the product's default; see the property above). */
    protected boolean requirePiConsent() {
        return false;
    }

    /** Whether 'Develop and test in QA' needs an API call in REDCap's log (the product's default; see above). */
    protected boolean requireQaUse() {
        return false;
    }

    /** Whether this system holds steward tokens (and REDCap knows them); the embedded default holds none. */
    protected boolean withStewardTokens() {
        return true;
    }

    /**
     * Camunda's REST API and webapps find their engine by name in a JVM-wide registry, and every test context's
     * engine is called "default": the context started last would answer every context's HTTP calls. Tests that
     * call the app over HTTP point the registry at their own engine first. The webapps (their logins) ask Camunda's
     * runtime container instead, which loses its "default" when Spring's test context cache closes an old context:
     * it is pointed at this context's engine too (unregistering an engine there does not close it).
     */
    public static void serveHttpFrom(ConfigurableApplicationContext context) {
        ProcessEngine engine = context.getBean(ProcessEngine.class);
        ProcessEngines.registerProcessEngine(engine);
        RuntimeContainerDelegate container = RuntimeContainerDelegate.INSTANCE.get();
        ProcessEngine registered = container.getProcessEngineService().getProcessEngine(engine.getName());
        if (registered != engine) {
            if (registered != null) {
                container.unregisterProcessEngine(registered);
            }
            container.registerProcessEngine(engine);
        }
    }

    public static String baseUrl(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("server.port");
    }

    /** A port nothing listens on now, for a server the test starts. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
