package org.tokengov.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.controlcenter.ControlCenterWorklist;
import org.tokengov.issuance.TokenEntitlements;
import org.tokengov.ledger.Ledger;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.redcap.RedcapApi;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapProperties;
import org.tokengov.redcap.RedcapRoleMemberException;
import org.tokengov.redcap.TokenAdministration;
import org.tokengov.redcap.TokenAdministrationMode;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;

/**
 * Revocation in the manual mode: rights off where the API allows (never retried in vain for a role member), the token
 * REVOCATION_PENDING on the Control Center worklist, the holder told and the entitlement withdrawn as before; the
 * database mode deletes at once. A pending revocation asked again changes nothing.
 */
class TokenRevocationTest {

    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    TokenRegistry registry = mock(TokenRegistry.class);
    TokenAdministration administration = mock(TokenAdministration.class);
    RedcapApi redcap = mock(RedcapApi.class);
    RedcapProperties servers = mock(RedcapProperties.class);
    RedcapProperties.Server server = mock(RedcapProperties.Server.class);
    TokenEntitlements entitlements = mock(TokenEntitlements.class);
    AuditTrail auditTrail = mock(AuditTrail.class);
    Notifier notifier = mock(Notifier.class);
    ControlCenterWorklist worklist = mock(ControlCenterWorklist.class);
    TokenRevocation revocation = new TokenRevocation(registry, administration, redcap, servers, entitlements, auditTrail,
            notifier, mock(TokenProjectAdministrators.class), mock(Ledger.class), worklist);

    IssuedToken token(TokenState state, TokenAdministrationMode mode) {
        when(servers.server(RedcapEnvironment.PROD)).thenReturn(server);
        when(server.tokenAdministration()).thenReturn(mode);
        IssuedToken token = new IssuedToken("token-1", "req-1", "bob", RedcapEnvironment.PROD, 101, true, false, false, state,
                NOW, NOW.plusSeconds(86_400), null, null, null, null, 1L);
        when(registry.find("token-1")).thenReturn(Optional.of(token));
        return token;
    }

    @Test
    void manualModeTurnsTheRightsOffAndAsksTheControlCenterPendingUntilRedcapConfirms() {
        IssuedToken token = token(TokenState.ACTIVE, TokenAdministrationMode.MANUAL);

        revocation.revoke("token-1", RevocationReason.OFFBOARDING);

        verify(redcap).setApiRights(RedcapEnvironment.PROD, 101, "bob", TokenRevocation.NO_RIGHTS);
        verify(registry).markRevocationPending("token-1", "OFFBOARDING");
        verify(registry, never()).markRevoked(anyString(), anyString());
        verify(worklist).askToDelete(token, "OFFBOARDING", true);
        verify(entitlements).withdrawIfLastToken("bob", RedcapEnvironment.PROD, "req-1");
        verify(auditTrail).record(eq(AuditTrail.SYSTEM_ACTOR), eq(AuditAction.TOKEN_REVOKED), eq("req-1"), eq("token-1"),
                contains("API rights off; deletion asked in the Control Center worklist, pending"));
        ArgumentCaptor<Notification> mail = ArgumentCaptor.forClass(Notification.class);
        verify(notifier).send(mail.capture());
        assertThat(mail.getValue().kind()).isEqualTo(MailKind.TOKEN_REVOKED);
        verifyNoInteractions(administration);
    }

    @Test
    void aRoleMembersRightsCannotBeTurnedOffWhichIsSaidNotRetried() {
        IssuedToken token = token(TokenState.ACTIVE, TokenAdministrationMode.MANUAL);
        doThrow(new RedcapRoleMemberException("The user \"bob\" cannot have their user privileges modified because the user"
                + " belongs to a user role.")).when(redcap).setApiRights(any(), eq(101L), eq("bob"), any());

        revocation.revoke("token-1", RevocationReason.OFFBOARDING);

        verify(registry).markRevocationPending("token-1", "OFFBOARDING");
        verify(worklist).askToDelete(token, "OFFBOARDING", false);
        verify(auditTrail).record(eq(AuditTrail.SYSTEM_ACTOR), eq(AuditAction.TOKEN_REVOKED), eq("req-1"), eq("token-1"),
                contains("API rights NOT off (bob is in a REDCap user role)"));
    }

    @Test
    void aPendingRevocationAskedAgainChangesNothing() {
        token(TokenState.REVOCATION_PENDING, TokenAdministrationMode.MANUAL);

        revocation.revoke("token-1", RevocationReason.LEFT_PROJECT);

        verifyNoInteractions(redcap, worklist, entitlements, notifier, auditTrail);
        verify(registry, never()).markRevocationPending(anyString(), anyString());
    }

    @Test
    void aRevocationRetriedAfterACrashRecordsWhenRedcapDeletedTheTokenNotWhenTheRetryRan() {
        token(TokenState.ACTIVE, TokenAdministrationMode.DATABASE);
        Instant deletedByTheCrashedAttempt = NOW.plusSeconds(60);
        when(administration.delete(RedcapEnvironment.PROD, 101, "bob", AuditTrail.SYSTEM_ACTOR))
                .thenReturn(Optional.of(deletedByTheCrashedAttempt));

        revocation.revoke("token-1", RevocationReason.OFFBOARDING);

        verify(registry).markRevoked("token-1", "OFFBOARDING", deletedByTheCrashedAttempt);
        verify(registry, never()).markRevoked(anyString(), anyString());
    }

    @Test
    void anExpiryRecordsRedcapsTimeOfTheDeletionToo() {
        token(TokenState.ACTIVE, TokenAdministrationMode.DATABASE);
        when(administration.delete(RedcapEnvironment.PROD, 101, "bob", AuditTrail.SYSTEM_ACTOR))
                .thenReturn(Optional.of(NOW.plusSeconds(5)));

        revocation.revoke("token-1", RevocationReason.EXPIRED);

        verify(registry).markExpired("token-1", NOW.plusSeconds(5));
    }

    @Test
    void aDeletionInRedcapsLogFromBeforeTheTokenWasIssuedIsAnEarlierTokensAndRecordsNow() {
        token(TokenState.ACTIVE, TokenAdministrationMode.DATABASE);
        when(administration.delete(RedcapEnvironment.PROD, 101, "bob", AuditTrail.SYSTEM_ACTOR))
                .thenReturn(Optional.of(NOW.minusSeconds(86_400)));

        revocation.revoke("token-1", RevocationReason.OFFBOARDING);

        verify(registry).markRevoked("token-1", "OFFBOARDING");
        verify(registry, never()).markRevoked(anyString(), anyString(), any(Instant.class));
    }

    @Test
    void aSuspendedTokenWhoseValueLeftWithTheSuspensionIsRecordedRevokedWhenDecidedNotAtTheSuspension() {
        token(TokenState.SUSPENDED, TokenAdministrationMode.DATABASE);
        when(administration.delete(RedcapEnvironment.PROD, 101, "bob", AuditTrail.SYSTEM_ACTOR))
                .thenReturn(Optional.of(NOW.plusSeconds(30)));

        revocation.revoke("token-1", RevocationReason.LEFT_PROJECT);

        verify(registry).markRevoked("token-1", "LEFT_PROJECT");
        verify(registry, never()).markRevoked(anyString(), anyString(), any(Instant.class));
    }

    @Test
    void theDatabaseModeDeletesAtOnceWithoutTheWorklist() {
        token(TokenState.ACTIVE, TokenAdministrationMode.DATABASE);

        revocation.revoke("token-1", RevocationReason.OFFBOARDING);

        verify(administration).delete(RedcapEnvironment.PROD, 101, "bob", AuditTrail.SYSTEM_ACTOR);
        verify(registry).markRevoked("token-1", "OFFBOARDING");
        verifyNoInteractions(worklist, redcap);
    }

    @Test
    void refusingAtOnceDeletesTheValueAndLeavesTheRecordsToTheRevocation() {
        token(TokenState.ACTIVE, TokenAdministrationMode.DATABASE);

        when(administration.delete(RedcapEnvironment.PROD, 101, "bob", AuditTrail.SYSTEM_ACTOR))
                .thenReturn(Optional.of(NOW.plusSeconds(60)));

        assertThat(revocation.refuseAtOnce("token-1"))
                .contains(new TokenRevocation.Refused("token-1", Optional.of(NOW.plusSeconds(60))));

        verify(registry, never()).markRevoked(anyString(), anyString());
        verify(registry, never()).markRevoked(anyString(), anyString(), any(Instant.class));
        verifyNoInteractions(notifier, auditTrail, entitlements, worklist, redcap);
    }

    @Test
    void aTokenRefusedAtOnceIsRecordedAtRedcapsTimeWithoutAskingRedcapAgain() {
        token(TokenState.ACTIVE, TokenAdministrationMode.DATABASE);

        revocation.revoke(new TokenRevocation.Refused("token-1", Optional.of(NOW.plusSeconds(60))),
                RevocationReason.OFFBOARDING);

        verify(registry).markRevoked("token-1", "OFFBOARDING", NOW.plusSeconds(60));
        verify(entitlements).withdrawIfLastToken("bob", RedcapEnvironment.PROD, "req-1");
        verify(notifier).send(any(Notification.class));
        verifyNoInteractions(administration);
    }

    @Test
    void refusingAtOnceLeavesTheManualModeAndPendingDeletionsToTheRevocation() {
        token(TokenState.ACTIVE, TokenAdministrationMode.MANUAL);
        assertThat(revocation.refuseAtOnce("token-1")).isEmpty();
        token(TokenState.REVOCATION_PENDING, TokenAdministrationMode.DATABASE);
        assertThat(revocation.refuseAtOnce("token-1")).isEmpty();
        token(TokenState.REVOKED, TokenAdministrationMode.DATABASE);
        assertThat(revocation.refuseAtOnce("token-1")).isEmpty();

        verifyNoInteractions(administration, redcap, worklist, notifier, auditTrail);
    }

    @Test
    void aCompromisedRoleMembersRightsCannotBeWithdrawnWhichIsRecordedNotRetried() {
        token(TokenState.ACTIVE, TokenAdministrationMode.MANUAL);
        doThrow(new RedcapRoleMemberException("belongs to a user role")).when(redcap).setApiRights(any(), eq(101L), eq("bob"),
                any());

        revocation.withdrawRights("token-1");

        verify(auditTrail).record(eq(AuditTrail.SYSTEM_ACTOR), eq(AuditAction.HOLD_NEEDS_REDCAP_ADMINISTRATOR), eq("req-1"),
                eq("token-1"), contains("API rights NOT off"));
    }
}
