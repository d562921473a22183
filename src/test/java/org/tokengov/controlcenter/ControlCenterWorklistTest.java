package org.tokengov.controlcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.tokengov.audit.AuditTrail;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenState;

/**
 * The wave rule: the first line of an environment opens a wave and starts its worklist; later lines join the open
 * wave (its task shows them); the same open thing asked twice adds nothing; a closed wave's open lines join the open
 * wave or open the next.
 */
class ControlCenterWorklistTest {

    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    WorklistLines lines = mock(WorklistLines.class);
    WorklistTaskView view = mock(WorklistTaskView.class);
    RuntimeService runtime = mock(RuntimeService.class);
    ControlCenterWorklist worklist = new ControlCenterWorklist(lines, view, runtime, mock(IdentityService.class),
            mock(AuditTrail.class));
    IssuedToken bobs = token("token-1", "bob");

    static IssuedToken token(String id, String holder) {
        return new IssuedToken(id, "req", holder, RedcapEnvironment.PROD, 101, true, false, false,
                TokenState.REVOCATION_PENDING, NOW, NOW, null, null, null, "OFFBOARDING", 1L);
    }

    @Test
    void theFirstLineOpensAWaveAndStartsItsWorklist() {
        when(lines.lockOpenWave(RedcapEnvironment.PROD)).thenReturn(Optional.empty());
        when(lines.openWave(RedcapEnvironment.PROD)).thenReturn("wave-1");
        when(lines.openOf("wave-1")).thenReturn(List.of(mock(WorklistLine.class)));

        worklist.askToDelete(bobs, "OFFBOARDING", true);

        ArgumentCaptor<String> note = ArgumentCaptor.forClass(String.class);
        verify(lines).add(eq("wave-1"), eq(bobs), eq(WorkKind.DELETE_TOKEN), eq("OFFBOARDING"), note.capture());
        assertThat(note.getValue()).contains("API rights are off meanwhile");
        verify(runtime).startProcessInstanceByKey(eq(ControlCenterWorklistVariables.PROCESS), eq("wave-1"), anyMap());
    }

    @Test
    void aLaterLineJoinsTheOpenWaveAndItsTaskShowsIt() {
        when(lines.lockOpenWave(RedcapEnvironment.PROD)).thenReturn(Optional.of("wave-1"));

        worklist.askToDelete(token("token-2", "alice"), "OFFBOARDING", false);

        ArgumentCaptor<String> note = ArgumentCaptor.forClass(String.class);
        verify(lines).add(eq("wave-1"), any(), eq(WorkKind.DELETE_TOKEN), eq("OFFBOARDING"), note.capture());
        assertThat(note.getValue()).as("a role member").contains("alice is in a REDCap user role", "still works");
        verify(lines, never()).openWave(any());
        verify(runtime, never()).startProcessInstanceByKey(anyString(), anyString(), anyMap());
        verify(view).refresh("wave-1");
    }

    @Test
    void theSameOpenThingAskedAgainAddsNothing() {
        when(lines.lockOpenWave(RedcapEnvironment.PROD)).thenReturn(Optional.empty());
        when(lines.isOpen("token-1", WorkKind.HOLD_BY_HAND)).thenReturn(true);

        worklist.askToHold(bobs);

        verify(lines, never()).add(any(), any(), any(), any(), any());
        verify(lines, never()).openWave(any());
    }

    @Test
    void aClosedWavesOpenLinesJoinTheOpenWaveOrOpenTheNext() {
        when(lines.environmentOf("wave-1")).thenReturn(Optional.of(RedcapEnvironment.PROD));
        when(lines.openOf("wave-1")).thenReturn(List.of(mock(WorklistLine.class)));
        when(lines.lockOpenWave(RedcapEnvironment.PROD)).thenReturn(Optional.of("wave-2"));

        worklist.carryOver("wave-1");
        verify(lines).move("wave-1", "wave-2");
        verify(view).refresh("wave-2");

        when(lines.lockOpenWave(RedcapEnvironment.PROD)).thenReturn(Optional.empty());
        when(lines.openWave(RedcapEnvironment.PROD)).thenReturn("wave-3");
        worklist.carryOver("wave-1");
        verify(lines).move("wave-1", "wave-3");
        verify(runtime).startProcessInstanceByKey(eq(ControlCenterWorklistVariables.PROCESS), eq("wave-3"), anyMap());
    }

    @Test
    void closingAWaveSaysHowManyOfItsLinesAreOpen() {
        when(lines.environmentOf("wave-1")).thenReturn(Optional.of(RedcapEnvironment.PROD));
        when(lines.openOf("wave-1")).thenReturn(List.of(mock(WorklistLine.class), mock(WorklistLine.class)));

        assertThat(worklist.close("wave-1")).isEqualTo(2);
        verify(lines).closeWave(RedcapEnvironment.PROD, "wave-1");
    }
}
