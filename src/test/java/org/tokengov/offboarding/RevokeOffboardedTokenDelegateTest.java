package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.tokengov.redcap.RateBudgetExhaustedException;
import org.tokengov.redcap.RedcapUnavailableException;

class RevokeOffboardedTokenDelegateTest {

    final OffboardingEvents events = mock(OffboardingEvents.class);
    final OffboardingRevocations revocations = mock(OffboardingRevocations.class);
    final DelegateExecution execution = mock(DelegateExecution.class);
    final OffboardingEvent event = new OffboardingEvent("event-1", "alice", "HR_WEBHOOK", "left", OffboardingEvent.TERMINATED,
            null, Instant.EPOCH, Instant.EPOCH, OffboardingOutcome.RECEIVED, null, null);

    RevokeOffboardedTokenDelegateTest() {
        when(execution.getVariable(OffboardingVariables.EVENT_ID)).thenReturn("event-1");
        when(execution.getVariable(OffboardingVariables.TOKEN_ID)).thenReturn("token-1");
        when(events.get("event-1")).thenReturn(event);
    }

    @Test
    void aSpentBudgetIsTheModelledErrorThatWaitsForTheNextWindow() {
        doThrow(new RateBudgetExhaustedException("rate budget exhausted for REDCap PROD"))
                .when(revocations).revoke(any(), eq("token-1"));

        assertThatThrownBy(() -> new RevokeOffboardedTokenDelegate(events, revocations).execute(execution))
                .isInstanceOf(BpmnError.class)
                .hasFieldOrPropertyWithValue("errorCode", RevokeOffboardedTokenDelegate.BUDGET_EXHAUSTED);
    }

    @Test
    void redcapDownStaysAFailureForTheRetryCycle() {
        doThrow(new RedcapUnavailableException("REDCap PROD answered 503")).when(revocations).revoke(any(), eq("token-1"));

        assertThatThrownBy(() -> new RevokeOffboardedTokenDelegate(events, revocations).execute(execution))
                .isInstanceOf(RedcapUnavailableException.class)
                .isNotInstanceOf(BpmnError.class);
    }
}
