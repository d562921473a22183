package org.tokengov.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tokengov.redcap.RedcapApi;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapProjectUser;
import org.tokengov.registry.RequestStatus;
import org.tokengov.registry.TokenRequestRecord;

/** What the PI has not enabled in REDCap, in the words the requester and the PI read. */
class PiConsentCheckTest {

    RedcapApi redcap = mock(RedcapApi.class);
    PiConsentCheck check = new PiConsentCheck(redcap);

    static TokenRequestRecord asking(boolean export, boolean importData, boolean mobileApp) {
        return new TokenRequestRecord("r-1", "REQ-2026-0001", "alice", 101L, 201L, export, importData, mobileApp, "SCHEDULED_EXPORT",
                "Nightly sync.", "Nightly", 10, true, RequestStatus.SUBMITTED, null, Instant.parse("2026-03-01T09:00:00Z"),
                null, false, 0L);
    }

    void user(RedcapEnvironment environment, long project, boolean export, boolean importData, boolean mobileApp, String role) {
        when(redcap.findProjectUser(environment, project, "alice")).thenReturn(Optional.of(
                new RedcapProjectUser("alice", null, null, export, importData, mobileApp, false, role)));
    }

    @Test
    void everyRequestedRightEnabledOnBothProjectsIsConsent() {
        user(RedcapEnvironment.PROD, 101L, true, true, false, null);
        user(RedcapEnvironment.QA, 201L, true, true, true, null);

        assertThat(check.missing(asking(true, true, false))).isEmpty();
    }

    @Test
    void eachProjectSaysWhatItsPiHasNotEnabled() {
        user(RedcapEnvironment.PROD, 101L, false, false, false, null);
        user(RedcapEnvironment.QA, 201L, true, false, false, "Testers");

        assertThat(check.missing(asking(true, true, false))).containsExactly(
                "The PI of project 101 has not enabled API export and API import for you.",
                "The PI of QA project 201 has not enabled API import for you (you are in the user role 'Testers', whose "
                        + "rights apply to you).");
    }

    @Test
    void rightsNotRequestedDoNotMatterButAUserMissingFromTheProjectDoes() {
        user(RedcapEnvironment.PROD, 101L, true, false, false, null);

        assertThat(check.missing(asking(true, false, false))).containsExactly(
                "You are not a user of REDCap QA project 201, so its PI cannot have enabled API export for you.");
    }
}
