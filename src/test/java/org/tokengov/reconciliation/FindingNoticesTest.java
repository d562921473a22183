package org.tokengov.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.tokengov.redcap.RedcapEnvironment.PROD;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.redcap.ProjectPis;
import org.tokengov.redcap.RateBudgetExhaustedException;

/**
 * A notice after an action tells the administrators even when REDCap cannot name the PIs; the cutover notice, a step
 * that only tells, waits for a later budget window instead of leaving the PIs out.
 */
class FindingNoticesTest {

    final Notifier notifier = mock(Notifier.class);
    final ProjectPis pis = mock(ProjectPis.class);
    final FindingNotices notices = new FindingNotices(notifier, pis);

    @Test
    void afterAnActionASpentBudgetStillTellsTheAdministrators() {
        when(pis.of(PROD, 101)).thenThrow(new RateBudgetExhaustedException("spent"));

        notices.tellAdministrators("svc_etl", PROD, 101, "made outside", "revoked", "ada", true);

        ArgumentCaptor<Notification> sent = ArgumentCaptor.forClass(Notification.class);
        verify(notifier).send(sent.capture());
        assertThat(sent.getValue().usernames()).isEmpty();
        assertThat(sent.getValue().groups()).containsExactly("redcap-admins");
    }

    @Test
    void theCutoverNoticeWaitsForALaterBudgetWindow() {
        when(pis.of(PROD, 101)).thenThrow(new RateBudgetExhaustedException("spent"));

        assertThatThrownBy(() -> notices.tellCutover("svc_etl", PROD, 101, "2027-01-01"))
                .isInstanceOf(RateBudgetExhaustedException.class);
        verifyNoInteractions(notifier);
    }
}
