package org.tokengov.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.redcap.RedcapEnvironment.QA;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenState;
import org.tokengov.testsupport.RealServers;

/**
 * The inactivity sweep's mails over real SMTP: a token never used is warned about two weeks before its six months
 * are up, once, and its holder is told when it is revoked. Engine time moves with {@link ClockUtil}; the test runs
 * the sweep's jobs and the revocations it sends.
 */
@ContextConfiguration(initializers = InactivityMailIT.OwnServers.class)
class InactivityMailIT extends MailITBase {

    /** A context of its own: the sweep sees every live token. */
    static class OwnServers extends RealServers {
    }

    @Test
    void theHolderIsWarnedOnceBeforeTheSixMonthsAreUpAndToldOfTheRevocation() {
        IssuedToken token = issue("alice", QA, 201);
        sendAndForget();
        Instant revocationDue = token.issuedAt().atZone(ZoneOffset.UTC).plusMonths(6).toInstant();
        String dueDay = revocationDue.atZone(ZoneOffset.UTC).toLocalDate().toString();

        runSweepAt(revocationDue.minusSeconds(7 * 86_400));
        runSweepAt(revocationDue.minusSeconds(6 * 86_400));
        assertThat(sent()).as("one warning, not one per sweep").singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Your QA API token on REDCap project 201 will be revoked on " + dueDay
                    + " unless used");
            assertThat(mail.to()).containsExactly("alice@example.org");
            assertThat(mail.text()).contains("has not been used since " + token.issuedAt().atZone(ZoneOffset.UTC).toLocalDate());
        });
        assertThat(registry.find(token.id()).orElseThrow().state()).isEqualTo(TokenState.QA_ACTIVE);

        runSweepAt(revocationDue.plusSeconds(86_400));
        assertThat(registry.find(token.id()).orElseThrow().revocationReason()).isEqualTo("INACTIVITY");
        assertThat(sent()).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Revoked: QA API token on REDCap project 201");
            assertThat(mail.to()).containsExactly("alice@example.org");
            assertThat(mail.text()).contains("(INACTIVITY)");
        });

        MailCatcher.assertNoTokenAndNoUnescapedHtml(withOutbox(received), tokens);
    }

    /**
     * What the night's sweep would do at that moment: its timer start fires, its batches run, and the revocations it
     * sent run in the tokens' lifecycles. Other processes' timers are not this test's subject.
     */
    private void runSweepAt(Instant at) {
        ClockUtil.setCurrentTime(Date.from(at));
        Job start = management.createJobQuery().processDefinitionKey("InactivitySweepProcess").timers().list().stream().filter(job -> job.getProcessInstanceId() == null)
                .findFirst().orElseThrow(() -> new AssertionError("the sweep's timer start event"));
        management.executeJob(start.getId());
        ProcessInstance sweep = runtime.createProcessInstanceQuery().processDefinitionKey("InactivitySweepProcess")
                .singleResult();
        assertThat(sweep).isNotNull();
        for (int round = 0; round < 20; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(sweep.getId()).list();
            if (due.isEmpty()) {
                break;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(sweep.getId()).count()).as("the sweep ended").isZero();
        runAllLifecycleJobs();
    }
}
