package org.tokengov.controlcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.redcap.RedcapApi;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapProjectUser;
import org.tokengov.redcaplog.RedcapTokenEvents;
import org.tokengov.redcaplog.TokenEventInRedcap;
import org.tokengov.redcaplog.TokenEventKind;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;
import org.tokengov.testsupport.InMemoryRedcapTokenEvents;

/**
 * What confirms a line of the worklist: a deletion in REDCap's log that names the holder, on the project, since it was
 * asked (to the minute); never a row that does not name the user, unless an administrator other than the holder
 * confirms it and the log shows such a deletion no other line claimed.
 */
class RevocationConfirmationsTest {

    static final Instant ASKED = Instant.parse("2026-12-06T10:00:30Z");
    static final RedcapEnvironment PROD = RedcapEnvironment.PROD;

    WorklistLines lines = mock(WorklistLines.class);
    InMemoryRedcapTokenEvents log = new InMemoryRedcapTokenEvents();
    TokenRegistry registry = mock(TokenRegistry.class);
    RedcapApi redcap = mock(RedcapApi.class);
    AuditTrail auditTrail = mock(AuditTrail.class);
    ApplicationEventPublisher publisher = mock(ApplicationEventPublisher.class);
    WorklistTaskView view = mock(WorklistTaskView.class);
    RevocationConfirmations confirmations;

    WorklistLine deletion = line(17, WorkKind.DELETE_TOKEN, "bob");

    @BeforeEach
    void wire() {
        confirmations = confirmations(log);
        when(lines.open(PROD)).thenReturn(List.of(deletion));
        when(lines.markDone(anyLong(), any(), anyString(), any())).thenReturn(true);
        when(registry.confirmRevocation(eq("token-17"), any(Instant.class))).thenReturn(new IssuedToken("token-17", "req-1", "bob", PROD, 101, true,
                false, false, TokenState.REVOKED, ASKED, ASKED, null, null, ASKED, "OFFBOARDING", 2L));
    }

    RevocationConfirmations confirmations(RedcapTokenEvents events) {
        return new RevocationConfirmations(lines, events, registry, redcap, auditTrail, publisher, view,
                Clock.fixed(ASKED.plusSeconds(3600), ZoneOffset.UTC));
    }

    static WorklistLine line(long number, WorkKind kind, String holder) {
        return new WorklistLine(number, "wave-1", "token-" + number, PROD, 101, holder, kind, "OFFBOARDING", "", ASKED);
    }

    TokenEventInRedcap deleted(String username, Instant at) {
        return log.read(PROD, 101, username, "ada", TokenEventKind.DELETED, at);
    }

    @Test
    void aDeletionThatNamesTheHolderConfirmsTheRevocation() {
        TokenEventInRedcap event = deleted("BOB", ASKED.plusSeconds(600));

        assertThat(confirmations.confirmFromRedcapLog(PROD)).isEqualTo(1);

        verify(lines).markDone(17, Confirmation.REDCAP_LOG, AuditTrail.SYSTEM_ACTOR, event.id());
        verify(registry).confirmRevocation("token-17", ASKED.plusSeconds(600));
        verify(auditTrail).record(eq(AuditTrail.SYSTEM_ACTOR), eq(AuditAction.TOKEN_REVOCATION_CONFIRMED), eq("req-1"),
                eq("token-17"), contains("REDCap's log names the deletion"));
        verify(publisher).publishEvent(new TokenRevocationConfirmed("token-17", ASKED.plusSeconds(600)));
        verify(view).refresh("wave-1");
    }

    @Test
    void theApisLogHasNoSecondsSoADeletionInTheMinuteOfTheAskCounts() {
        deleted("bob", Instant.parse("2026-12-06T10:00:00Z"));

        assertThat(confirmations.confirmFromRedcapLog(PROD)).isEqualTo(1);
        verify(registry).confirmRevocation("token-17", ASKED);
    }

    @Test
    void aRowThatDoesNotNameTheUserAnotherUsersDeletionAnOlderOneOrAnotherEventConfirmNothing() {
        deleted(null, ASKED.plusSeconds(600));
        deleted("alice", ASKED.plusSeconds(600));
        deleted("bob", Instant.parse("2026-12-06T09:59:00Z"));
        log.read(PROD, 101, "bob", "ada", TokenEventKind.CREATED, ASKED.plusSeconds(600));
        log.read(PROD, 102, "bob", "ada", TokenEventKind.DELETED, ASKED.plusSeconds(600));
        log.read(RedcapEnvironment.QA, 101, "bob", "ada", TokenEventKind.DELETED, ASKED.plusSeconds(600));

        assertThat(confirmations.confirmFromRedcapLog(PROD)).isZero();

        verify(lines, never()).markDone(anyLong(), any(), anyString(), any());
        verify(registry, never()).confirmRevocation(anyString(), any());
        verify(publisher, never()).publishEvent(any());
    }

    @Test
    void anEventThatConfirmedAnotherLineConfirmsNoSecond() {
        TokenEventInRedcap event = deleted("bob", ASKED.plusSeconds(600));
        when(lines.eventUsed(PROD, event.id())).thenReturn(true);

        assertThat(confirmations.confirmFromRedcapLog(PROD)).isZero();
    }

    @Test
    void anAdministratorConfirmsAnUnattributedDeletionInTheirName() {
        TokenEventInRedcap event = deleted(null, ASKED.plusSeconds(600));

        assertThat(confirmations.problemWithTick(deletion, "ada")).isEmpty();
        confirmations.tick(deletion, "ada");

        verify(lines).markDone(17, Confirmation.ADMINISTRATOR, "ada", event.id());
        verify(registry).confirmRevocation("token-17", ASKED.plusSeconds(600));
        verify(auditTrail).record(eq("ada"), eq(AuditAction.TOKEN_REVOCATION_CONFIRMED), eq("req-1"), eq("token-17"),
                contains("confirmed by ada"));
    }

    @Test
    void noAdministratorConfirmsWithoutADeletionInTheLogOrTheirOwnToken() {
        assertThat(confirmations.problemWithTick(deletion, "ada")).get().asString()
                .contains("#17: REDCap's log shows no token deleted on project 101");

        deleted(null, ASKED.plusSeconds(600));
        WorklistLine ritasOwn = line(18, WorkKind.DELETE_TOKEN, "rita");
        assertThat(confirmations.problemWithTick(ritasOwn, "Rita")).get().asString().contains("your own token");
    }

    @Test
    void aHoldByHandIsDoneWhenREDCapShowsTheTokenWithoutRightsOrDeleted() {
        WorklistLine hold = line(19, WorkKind.HOLD_BY_HAND, "bob");
        when(redcap.findProjectUser(PROD, 101, "bob")).thenReturn(Optional.of(user(true)));
        assertThat(confirmations.problemWithTick(hold, "ada")).get().asString().contains("neither deleted");

        when(redcap.findProjectUser(PROD, 101, "bob")).thenReturn(Optional.of(user(false)));
        assertThat(confirmations.problemWithTick(hold, "ada")).isEmpty();
        confirmations.tick(hold, "ada");
        verify(lines).markDone(19, Confirmation.ADMINISTRATOR, "ada", null);
        verify(auditTrail).record(eq("ada"), eq(AuditAction.CONTROL_CENTER_WORK_DONE), eq(null), eq("token-19"), anyString());
        verify(registry, never()).confirmRevocation(anyString(), any());
    }

    static RedcapProjectUser user(boolean export) {
        return new RedcapProjectUser("bob", "bob@example.org", null, export, false, false, false);
    }
}
