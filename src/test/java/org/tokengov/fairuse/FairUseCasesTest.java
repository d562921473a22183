package org.tokengov.fairuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.usage.Certainty;
import org.tokengov.usage.FairUseRule;
import org.tokengov.usage.Finding;

/**
 * Opening misuse cases on the app's tables: one open case per token and rule (a second finding joins it, also when
 * another transaction opened it meanwhile), to the holder first unless the finding is severe or repeats a case closed
 * within the repeat window; a suspected finding opens nothing.
 */
class FairUseCasesTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    final FairUseTables tables = new FairUseTables();
    final RuntimeService runtime = mock(RuntimeService.class);
    final AuditTrail auditTrail = mock(AuditTrail.class);
    FairUseCases cases = tables.cases(runtime, mock(IdentityService.class), auditTrail);

    @BeforeEach
    void clock() {
        ClockUtil.setCurrentTime(Date.from(NOW));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aConfirmedFindingOpensACaseForTheHolderWithTheDeadline() {
        Finding finding = tables.confirmed(FairUseRule.POLLING, "token-1", "bob");

        cases.open(finding);

        FairUseCase opened = cases.ofToken("token-1").get(0);
        assertThat(opened.state()).isEqualTo(FairUseCaseState.OPEN);
        assertThat(opened.adminsFirst()).isFalse();
        assertThat(opened.holder()).isEqualTo("bob");
        assertThat(opened.rule()).isEqualTo(FairUseRule.POLLING);
        assertThat(opened.openedAt()).isEqualTo(NOW);
        assertThat(opened.deadline()).isEqualTo(NOW.plus(Duration.ofDays(14)));
        assertThat(opened.findingId()).isEqualTo(finding.id());
        assertThat(tables.findings.find(finding.id()).orElseThrow().caseId()).isEqualTo(opened.id());
        assertThat(cases.openCases(null, 100)).containsExactly(opened);
        verify(runtime).startProcessInstanceByKey("FairUseCaseProcess", opened.id());
        verify(auditTrail).record(eq(AuditTrail.SYSTEM_ACTOR), eq(AuditAction.FAIR_USE_CASE_OPENED), eq(null),
                eq("token-1"), argThat(details -> details.contains("the holder confirms a fix")));
    }

    @Test
    void aSecondFindingOfTheSameTokenAndRuleJoinsTheOpenCaseAndStartsNothing() {
        Finding first = tables.confirmed(FairUseRule.POLLING, "token-1", "bob");
        cases.open(first);
        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofHours(2))));
        Finding second = tables.confirmed(FairUseRule.POLLING, "token-1", "bob");

        cases.open(second);
        cases.open(second);

        assertThat(cases.ofToken("token-1")).hasSize(1);
        String caseId = cases.ofToken("token-1").get(0).id();
        assertThat(tables.findings.find(second.id()).orElseThrow().caseId()).isEqualTo(caseId);
        assertThat(cases.findingsOf(cases.get(caseId))).extracting(Finding::id).containsExactly(second.id(), first.id());
        verify(runtime, times(1)).startProcessInstanceByKey(anyString(), anyString());
        verify(auditTrail, times(1)).record(eq(AuditTrail.SYSTEM_ACTOR), eq(AuditAction.FAIR_USE_FINDING_JOINED),
                eq(null), eq("token-1"), anyString());
    }

    @Test
    void anotherRuleOrAnotherTokenOpensACaseOfItsOwn() {
        cases.open(tables.confirmed(FairUseRule.POLLING, "token-1", "bob"));
        cases.open(tables.confirmed(FairUseRule.PEAK_HOUR_BULK_EXPORT, "token-1", "bob"));
        cases.open(tables.confirmed(FairUseRule.POLLING, "token-2", "alice"));

        assertThat(cases.openCases(null, 100)).hasSize(3);
        verify(runtime, times(3)).startProcessInstanceByKey(anyString(), anyString());
    }

    @Test
    void aSuspectedFindingOpensNoCase() {
        Finding suspected = tables.record(FairUseRule.REPEATED_FULL_EXPORT, Certainty.SUSPECTED, false, "token-1", "bob");

        assertThatThrownBy(() -> cases.open(suspected)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only suspected");

        assertThat(cases.ofToken("token-1")).isEmpty();
        verify(runtime, never()).startProcessInstanceByKey(anyString(), anyString());
    }

    @Test
    void aSevereFindingGoesToTheAdministratorsAtOnce() {
        cases.open(tables.record(FairUseRule.POLLING, Certainty.CONFIRMED, true, "token-1", "bob"));

        FairUseCase opened = cases.ofToken("token-1").get(0);
        assertThat(opened.adminsFirst()).isTrue();
        assertThat(opened.state()).isEqualTo(FairUseCaseState.WITH_ADMINS);
    }

    @Test
    void aFindingAfterACaseClosedWithinTheRepeatWindowIsARepeat() {
        FairUseCase earlier = fixedCase(NOW.minus(Duration.ofDays(89)));

        cases.open(tables.confirmed(FairUseRule.POLLING, "token-1", "bob"));

        FairUseCase repeat = cases.ofToken("token-1").get(0);
        assertThat(repeat.id()).isNotEqualTo(earlier.id());
        assertThat(repeat.adminsFirst()).as("closed 89 days ago, within 90").isTrue();
        assertThat(cases.earlierCases(repeat)).extracting(FairUseCase::id).containsExactly(earlier.id());
        verify(auditTrail).record(eq(AuditTrail.SYSTEM_ACTOR), eq(AuditAction.FAIR_USE_CASE_OPENED), eq(null),
                eq("token-1"), argThat(details -> details.contains("repeats case " + earlier.id())));
    }

    @Test
    void aCaseClosedBeforeTheRepeatWindowOrDismissedOrOfAnotherRuleIsNoRepeat() {
        fixedCase(NOW.minus(Duration.ofDays(91)));
        cases.open(tables.confirmed(FairUseRule.POLLING, "token-1", "bob"));
        assertThat(cases.openCases(null, 100)).singleElement().satisfies(open -> assertThat(open.adminsFirst())
                .as("closed 91 days ago").isFalse());
        dismiss(cases.openCases(null, 100).get(0));

        cases.open(tables.confirmed(FairUseRule.POLLING, "token-1", "bob"));
        assertThat(cases.openCases(null, 100)).singleElement().satisfies(open -> assertThat(open.adminsFirst())
                .as("the case just closed was dismissed: no misuse to repeat").isFalse());

        cases.open(tables.confirmed(FairUseRule.PEAK_HOUR_BULK_EXPORT, "token-1", "bob"));
        assertThat(cases.openCases(null, 100)).filteredOn(open -> open.rule() == FairUseRule.PEAK_HOUR_BULK_EXPORT)
                .singleElement().satisfies(open -> assertThat(open.adminsFirst()).isFalse());
    }

    @Test
    void aCaseOpenedMeanwhileByAnotherTransactionIsJoined() {
        JdbcTemplate racing = spy(tables.jdbc);
        cases = new FairUseCases(racing, tables.transactions, tables.findings, runtime, mock(IdentityService.class),
                auditTrail, FairUseTables.DEFAULTS, FairUseTables.ENGINE_CLOCK);
        Finding other = tables.confirmed(FairUseRule.POLLING, "token-1", "bob");
        Finding mine = tables.record(FairUseRule.POLLING, Certainty.CONFIRMED, false, "token-1", "bob");
        AtomicBoolean raced = new AtomicBoolean();
        // Between this open's look for an open case and its insert, another monitor run opens one and commits.
        doAnswer(call -> {
            if (raced.compareAndSet(false, true)) {
                tables.anotherClient().update("insert into fair_use_case (id, token_id, rule, holder, environment, project_id,"
                        + " finding_id, admins_first, opened_at, deadline, state, open_key) values ('other-case',"
                        + " 'token-1', 'POLLING', 'bob', 'PROD', 101, ?, false, ?, ?, 'OPEN', 'token-1:POLLING')",
                        other.id(), Timestamp.from(NOW), Timestamp.from(NOW.plus(Duration.ofDays(14))));
            }
            return call.callRealMethod();
        }).when(racing).update(argThat((String sql) -> sql.startsWith("insert into fair_use_case")), any(Object[].class));

        cases.open(mine);

        assertThat(raced).isTrue();
        assertThat(cases.ofToken("token-1")).extracting(FairUseCase::id).containsExactly("other-case");
        assertThat(tables.findings.find(mine.id()).orElseThrow().caseId()).isEqualTo("other-case");
        verify(runtime, never()).startProcessInstanceByKey(anyString(), anyString());
    }

    /** A POLLING case of token-1 that bob fixed, closed at {@code closedAt}. */
    private FairUseCase fixedCase(Instant closedAt) {
        ClockUtil.setCurrentTime(Date.from(closedAt.minus(Duration.ofDays(1))));
        cases.open(tables.confirmed(FairUseRule.POLLING, "token-1", "bob"));
        FairUseCase open = cases.openCases(null, 100).get(0);
        ClockUtil.setCurrentTime(Date.from(closedAt));
        cases.confirmFix(open.id(), "bob", "Polling once an hour now, with dateRangeBegin.");
        ClockUtil.setCurrentTime(Date.from(NOW));
        return cases.get(open.id());
    }

    private void dismiss(FairUseCase open) {
        cases.handToAdmins(open.id());
        cases.decide(open.id(), FairUseDecision.DISMISS, "ada", "A migration agreed with us.");
        assertThat(cases.get(open.id()).state()).isEqualTo(FairUseCaseState.DISMISSED);
    }
}
