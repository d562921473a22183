package org.tokengov.tokenreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tokengov.lifecycle.TokenLifecycles;
import org.tokengov.offboarding.OffboardingEvents;
import org.tokengov.redcap.ProjectPis;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapUnavailableException;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenRequests;
import org.tokengov.registry.TokenState;
import org.tokengov.tokenreport.ReportRefused.Kind;

/** Who may report what, what is offered in a list, and that a refused report writes nothing. */
class TokenReportServiceTest {

    TokenRegistry registry = mock(TokenRegistry.class);
    TokenLifecycles lifecycles = mock(TokenLifecycles.class);
    ProjectPis pis = mock(ProjectPis.class);
    OffboardingEvents offboardings = mock(OffboardingEvents.class);
    TokenReportService service = new TokenReportService(registry, lifecycles, pis, mock(TokenRequests.class), offboardings);

    static final Reporter ALICE = new Reporter("alice", false);
    static final Reporter BOB = new Reporter("bob", false);
    static final Reporter PAT = new Reporter("pat", false);
    static final Reporter ADA = new Reporter("ada", true);

    @BeforeEach
    void pis() {
        when(pis.of(RedcapEnvironment.QA, 201)).thenReturn(List.of("pat"));
        when(pis.isPi("pat", RedcapEnvironment.QA, 201)).thenReturn(true);
    }

    @Test
    void eachReportHasItsGate() {
        token("t", TokenState.QA_ACTIVE);
        assertRefused(() -> service.report(BOB, "t", TokenReport.COMPROMISED, null), Kind.NOT_ALLOWED);
        assertRefused(() -> service.report(ADA, "t", TokenReport.CODE_CHANGE, "x"), Kind.NOT_ALLOWED);
        assertRefused(() -> service.report(BOB, "t", TokenReport.LEFT_PROJECT, null), Kind.NOT_ALLOWED);
        assertRefused(() -> service.report(ALICE, "t", TokenReport.SUSPENSION, "x"), Kind.NOT_ALLOWED);
        assertRefused(() -> service.report(ALICE, "t", TokenReport.CODE_CHANGE, " "), Kind.BAD_REASON);
        assertRefused(() -> service.report(ADA, "t", TokenReport.SUSPENSION, "x".repeat(2001)), Kind.BAD_REASON);
        assertRefused(() -> service.report(ADA, "t", TokenReport.SUSPENSION, "a\tb"), Kind.BAD_REASON);
        assertRefused(() -> service.report(ALICE, "t\u0001", TokenReport.COMPROMISED, null), Kind.BAD_INPUT);
        assertRefused(() -> service.report(ALICE, "none", TokenReport.COMPROMISED, null), Kind.NOT_FOUND);
        verifyNoInteractions(lifecycles, offboardings);

        service.report(ALICE, "t", TokenReport.CODE_CHANGE, "  Adds the AE form ");
        verify(lifecycles).reportCodeChange("t", "Adds the AE form", "alice");
        service.report(PAT, "t", TokenReport.LEFT_PROJECT, null);
        verify(offboardings).record(any(), any(), any(), any(), any(), any());
    }

    @Test
    void nothingHappensToATokenThatIsNotLiveOrAlreadySuspended() {
        token("revoked", TokenState.REVOKED);
        token("suspended", TokenState.SUSPENDED);
        assertRefused(() -> service.report(ALICE, "revoked", TokenReport.COMPROMISED, null), Kind.NOT_LIVE);
        assertRefused(() -> service.report(ADA, "suspended", TokenReport.SUSPENSION, "again"), Kind.NOT_LIVE);
        verifyNoInteractions(lifecycles, offboardings);
    }

    @Test
    void listsOfferOnlyWhatTheViewerMayReport() {
        assertThat(service.offered(ALICE, "alice", TokenState.ACTIVE, RedcapEnvironment.QA, 201))
                .containsExactlyInAnyOrder(TokenReport.COMPROMISED, TokenReport.NO_LONGER_NEEDED, TokenReport.CODE_CHANGE);
        assertThat(service.offered(BOB, "alice", TokenState.ACTIVE, RedcapEnvironment.QA, 201)).isEmpty();
        assertThat(service.offered(PAT, "alice", TokenState.ACTIVE, RedcapEnvironment.QA, 201))
                .containsExactly(TokenReport.LEFT_PROJECT);
        assertThat(service.offered(ADA, "alice", TokenState.ACTIVE, RedcapEnvironment.QA, 201)).containsExactlyInAnyOrder(
                TokenReport.COMPROMISED, TokenReport.NO_LONGER_NEEDED, TokenReport.LEFT_PROJECT, TokenReport.SUSPENSION);
        assertThat(service.offered(ADA, "alice", TokenState.SUSPENDED, RedcapEnvironment.QA, 201))
                .doesNotContain(TokenReport.SUSPENSION);
        assertThat(service.offered(ALICE, "alice", TokenState.REVOKED, RedcapEnvironment.QA, 201)).isEmpty();
    }

    @Test
    void aRedcapThatDoesNotAnswerOffersNoLeftProjectButKeepsTheList() {
        when(pis.of(RedcapEnvironment.QA, 202)).thenThrow(new RedcapUnavailableException("down"));
        assertThat(service.offered(PAT, "alice", TokenState.ACTIVE, RedcapEnvironment.QA, 202)).isEmpty();
    }

    private void token(String id, TokenState state) {
        when(registry.find(id)).thenReturn(Optional.of(new IssuedToken(id, null, "alice", RedcapEnvironment.QA, 201, true,
                false, false, state, Instant.EPOCH, Instant.EPOCH.plusSeconds(86400), null, null, null, null, 1L)));
    }

    private static void assertRefused(Runnable report, Kind kind) {
        assertThatThrownBy(report::run).isInstanceOfSatisfying(ReportRefused.class,
                refused -> assertThat(refused.kind()).isEqualTo(kind));
    }
}
