package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.tokengov.lifecycle.TokenRevocation;
import org.tokengov.lifecycle.TokenRevocation.Refused;
import org.tokengov.redcap.RateBudgetExhaustedException;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapUnavailableException;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;

/** One job revokes all of a leaver's tokens: one token's failure never keeps REDCap from refusing the others. */
class RevokeOffboardedTokensDelegateTest {

    final OffboardingEvents events = mock(OffboardingEvents.class);
    final OffboardingScope scope = mock(OffboardingScope.class);
    final TokenRevocation revocation = mock(TokenRevocation.class);
    final TokenRegistry registry = mock(TokenRegistry.class);
    final OffboardingRevocations revocations = spy(new OffboardingRevocations(revocation, scope, registry, null, null,
            events, null, null, null, null));
    final DelegateExecution execution = mock(DelegateExecution.class);
    final OffboardingEvent event = new OffboardingEvent("event-1", "alice", "HR_WEBHOOK", "left",
            OffboardingEvent.TERMINATED, null, Instant.EPOCH, Instant.EPOCH, OffboardingOutcome.RECEIVED, null, null);
    final RevokeOffboardedTokensDelegate delegate = new RevokeOffboardedTokensDelegate(events, revocations);

    RevokeOffboardedTokensDelegateTest() {
        when(execution.getVariable(OffboardingVariables.EVENT_ID)).thenReturn("event-1");
        when(events.get("event-1")).thenReturn(event);
        when(scope.tokenIds("event-1")).thenReturn(List.of("token-prod", "token-qa-1", "token-qa-2"));
        for (String token : List.of("token-prod", "token-qa-1", "token-qa-2")) {
            RedcapEnvironment environment = token.contains("prod") ? RedcapEnvironment.PROD : RedcapEnvironment.QA;
            when(registry.find(token)).thenReturn(Optional.of(new IssuedToken(token, "req", "alice", environment, 101,
                    true, false, false, TokenState.ACTIVE, Instant.EPOCH, Instant.EPOCH, null, null, null, null, 1L)));
        }
        doNothing().when(revocations).revoke(any(), any(), any());
    }

    @Test
    void redcapRefusesEveryTokenBeforeAnyIsRecorded() {
        delegate.execute(execution);

        InOrder order = inOrder(revocation, revocations);
        for (String token : List.of("token-prod", "token-qa-1", "token-qa-2")) {
            order.verify(revocation).refuseAtOnce(token);
        }
        for (String token : List.of("token-prod", "token-qa-1", "token-qa-2")) {
            order.verify(revocations).revoke(event, token, null);
        }
    }

    @Test
    void aTokenRefusedAtOnceIsRecordedWithRedcapsAnswerNotAskedAgain() {
        Refused refused = new Refused("token-qa-1", Optional.of(Instant.parse("2026-12-07T10:00:00Z")));
        when(revocation.refuseAtOnce("token-qa-1")).thenReturn(Optional.of(refused));

        delegate.execute(execution);

        verify(revocations).revoke(event, "token-qa-1", refused);
        verify(revocations).revoke(event, "token-prod", null);
    }

    @Test
    void aTokenRedcapFailsToRefuseAtOnceIsStillRefusedByItsRevocation() {
        doThrow(new RedcapUnavailableException("REDCap PROD answered 503")).when(revocation).refuseAtOnce("token-prod");

        delegate.execute(execution);

        verify(revocation).refuseAtOnce("token-qa-1");
        verify(revocations).revoke(event, "token-prod", null);
    }

    @Test
    void aTokenRedcapFailsToRevokeIsRetriedAfterTheOthersAreRevoked() {
        RedcapUnavailableException prodDown = new RedcapUnavailableException("REDCap PROD answered 503");
        doThrow(prodDown).when(revocations).revoke(any(), eq("token-prod"), any());

        assertThatThrownBy(() -> delegate.execute(execution)).as("the job fails, to be retried").isSameAs(prodDown);

        verify(revocations).revoke(event, "token-qa-1", null);
        verify(revocations).revoke(event, "token-qa-2", null);
    }

    @Test
    void everyFailureIsReportedNotOnlyTheFirst() {
        RedcapUnavailableException prodDown = new RedcapUnavailableException("REDCap PROD answered 503");
        RedcapUnavailableException qaDown = new RedcapUnavailableException("REDCap QA answered 503");
        doThrow(prodDown).when(revocations).revoke(any(), eq("token-prod"), any());
        doThrow(qaDown).when(revocations).revoke(any(), eq("token-qa-2"), any());

        assertThatThrownBy(() -> delegate.execute(execution)).isSameAs(prodDown)
                .satisfies(failure -> assertThat(failure.getSuppressed())
                        .containsExactly(qaDown));
        verify(revocations).revoke(event, "token-qa-1", null);
    }

    @Test
    void aSpentBudgetSkipsTheRestOfItsServerAndEndsThePassAsTheModelledErrorThatWaitsForALaterWindow() {
        doThrow(new RateBudgetExhaustedException("rate budget exhausted for REDCap QA"))
                .when(revocations).revoke(any(), eq("token-qa-1"), any());
        doThrow(new RedcapUnavailableException("REDCap PROD answered 503")).when(revocations)
                .revoke(any(), eq("token-prod"), any());

        assertThatThrownBy(() -> delegate.execute(execution)).as("the wait keeps what the pass did; PROD fails again in"
                + " the next").isInstanceOf(BpmnError.class)
                .hasFieldOrPropertyWithValue("errorCode", RevokeOffboardedTokenDelegate.BUDGET_EXHAUSTED);

        verify(revocations).revoke(event, "token-prod", null);
        verify(revocations, never()).revoke(eq(event), eq("token-qa-2"), any());
    }
}
