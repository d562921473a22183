package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.redcap.RedcapEnvironment.PROD;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.redcap.RateBudget;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;
import org.tokengov.testsupport.HrWebhookClient;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.RealServers;

/**
 * PROD in manual mode (each revocation is a REDCap API call) with a budget of one call a minute: the second
 * departure's revocation waits for a later budget window in the diagram; no incident, nothing sent over budget.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = OffboardingWithinRateBudgetIT.OwnServers.class)
class OffboardingWithinRateBudgetIT {

    static final String SECRET = "hr-" + UUID.randomUUID();

    static class OwnServers extends RealServers {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues.of("tokengov.hr.webhook-secret=" + SECRET,
                    "tokengov.redcap.environments.prod.token-administration=manual",
                    "tokengov.redcap.environments.prod.rate-budget-per-minute=1").applyTo(context);
        }
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired TokenRegistry registry;

    @Test
    void aSpentBudgetWaitsForALaterWindowInsteadOfFailing() {
        List<IssuedToken> tokens = List.of(new IssuedTokens(context).issueByHand("alice", PROD, 101),
                new IssuedTokens(context).issueByHand("bob", PROD, 101));
        HrWebhookClient hr = new HrWebhookClient(RealServers.baseUrl(context), SECRET);
        for (IssuedToken token : tokens) {
            assertThat(hr.deliver(HrWebhookClient.event(OffboardingEvent.TERMINATED, token.holder(), null, Instant.now()))
                    .statusCode()).isEqualTo(202);
        }

        Instant before = Instant.now();
        runRevocations();
        Instant after = Instant.now();

        // Manual mode: a revocation is the rights-off call, then a deletion by hand that REDCap's log confirms later.
        long revoked = tokens.stream()
                .filter(token -> registry.find(token.id()).orElseThrow().state() == TokenState.REVOCATION_PENDING).count();
        assertThat(revoked).as("one call a minute: one revocation now").isEqualTo(1);
        assertThat(runtime.createIncidentQuery().count()).as("a spent budget is no incident").isZero();
        assertThat(management.createJobQuery().activityId("Timer_NextBudgetWindow").timers().count())
                .as("the other waits for a later window").isEqualTo(1);
        Job waiting = management.createJobQuery().activityId("Timer_NextBudgetWindow").timers().singleResult();
        assertThat(waiting.getDuedate().toInstant())
                .as("due when the one call a window frees (a window after the first call, within 5 s after), not sooner")
                .isBetween(before.plus(RateBudget.WINDOW).minusSeconds(2), after.plus(RateBudget.WINDOW).plusSeconds(5));
    }

    /** Runs the due revocation jobs only (the rest of the offboarding, e.g. asking REDCap for PIs, would also need budget). */
    private void runRevocations() {
        management.createJobQuery().activityId("Task_RevokeTokensInRedcap").executable().list()
                .forEach(job -> management.executeJob(job.getId()));
    }
}
