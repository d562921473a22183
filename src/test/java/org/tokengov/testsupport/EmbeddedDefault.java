package org.tokengov.testsupport;

import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The app as {@code ./mvnw spring-boot:run} starts it (H2, the built-in REDCap simulator, demo users, the job
 * executor running), except that its databases live in memory for this JVM only and it listens on a free port, and
 * that 'Develop and test in QA' needs no API call in REDCap's log (the journeys walk it without one; QaUseGateIT
 * tests the gate), and that the fair-use monitor's timer (every 2 minutes on the embedded default) does not run: a
 * test that reads REDCap's log reads it itself, and a timer reading between two of its reads would take its rows.
 */
public class EmbeddedDefault implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        TestPropertyValues.of(
                "server.port=" + RealServers.freePort(),
                "spring.datasource.url=jdbc:h2:mem:tokengov-" + run + ";DB_CLOSE_DELAY=-1;CASE_INSENSITIVE_IDENTIFIERS=TRUE",
                "redcap-sim.environments.qa.jdbc-url=jdbc:h2:mem:redcap-qa-" + run + ";MODE=MySQL;NON_KEYWORDS=USER;DB_CLOSE_DELAY=-1",
                "redcap-sim.environments.prod.jdbc-url=jdbc:h2:mem:redcap-prod-" + run + ";MODE=MySQL;NON_KEYWORDS=USER;DB_CLOSE_DELAY=-1",
                "tokengov.request.require-qa-use=false",
                "tokengov.fair-use.cycle=R/P3650D")
                .applyTo(context);
    }
}
