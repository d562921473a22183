package org.tokengov.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.tokengov.redcap.RateBudgetExhaustedException;
import org.tokengov.redcap.RedcapApi;
import org.tokengov.redcap.RedcapUnavailableException;
import org.tokengov.registry.RequestStatus;
import org.tokengov.registry.TokenRequestRecord;

/** REDCap out of reach is shown to the reviewer; a spent budget is not unreadable, the task waits for it instead. */
class RightsInRedcapTest {

    final RedcapApi redcap = mock(RedcapApi.class);
    final TokenRequestRecord request = new TokenRequestRecord("r1", "REQ-1", "alice", 101, 201, true, false, false,
            "use", "description", "daily", 10, true, RequestStatus.SUBMITTED, null, null, null, false, null);

    @Test
    void anOutageIsShownToTheReviewer() {
        when(redcap.findProjectUser(any(), anyLong(), anyString())).thenThrow(new RedcapUnavailableException("503"));

        assertThat(new RightsInRedcap(redcap).describe(request)).contains("could not be read from REDCap just now (503)");
    }

    @Test
    void aSpentBudgetIsThrownForTheTaskToWaitForALaterWindow() {
        when(redcap.findProjectUser(any(), anyLong(), anyString())).thenThrow(new RateBudgetExhaustedException("spent"));

        assertThatThrownBy(() -> new RightsInRedcap(redcap).describe(request)).isInstanceOf(RateBudgetExhaustedException.class);
    }
}
