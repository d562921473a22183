package org.tokengov.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tokengov.ledger.RequestCase;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapUnavailableException;
import org.tokengov.redcaplog.RedcapLogReader;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.RequestStatus;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.registry.TokenState;
import org.tokengov.usage.TokenUsage;
import org.tokengov.usage.UsageCounts;
import org.tokengov.usage.UsageSummary;

class QaTokenUseTest {

    static final Instant SUBMITTED = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant NOW = Instant.parse("2026-03-09T09:00:00Z");

    final TokenRegistry registry = mock(TokenRegistry.class);
    final RedcapLogReader logReader = mock(RedcapLogReader.class);
    final TokenUsage usage = mock(TokenUsage.class);
    final QaTokenUse qaTokenUse = new QaTokenUse(registry, logReader, usage, Clock.fixed(NOW, ZoneOffset.UTC));
    final RequestCase request = new RequestCase("request-1", submission(), List.of());

    @BeforeEach
    void noCalls() {
        when(usage.summary(any(IssuedToken.class), any(), any())).thenAnswer(call -> new UsageSummary(call.getArgument(1),
                call.getArgument(2), UsageCounts.NONE, 0, null, new long[24], null, 0, ZoneId.of("America/New_York")));
        when(registry.liveToken(any(), any(), any(Long.class))).thenReturn(Optional.empty());
    }

    @Test
    void theRequestsNewestQaTokenIsCountedAfterReadingTheQaProjectsLogNow() {
        IssuedToken older = qaToken("qa-old", "request-1", SUBMITTED.plus(Duration.ofHours(1)));
        IssuedToken newer = qaToken("qa-new", "request-1", SUBMITTED.plus(Duration.ofDays(2)));
        IssuedToken production = new IssuedToken("prod", "request-1", "alice", RedcapEnvironment.PROD, 101, true, false,
                false, TokenState.ACTIVE, NOW, NOW, null, null, null, null, 1L);
        when(registry.ofRequest("request-1")).thenReturn(List.of(older, production, newer));

        QaTokenUse.Observed observed = qaTokenUse.observe(request).orElseThrow();

        verify(logReader).catchUp(RedcapEnvironment.QA, 201);
        verify(usage).summary(newer, SUBMITTED, NOW);
        assertThat(observed.token()).isEqualTo(newer);
        assertThat(observed.used()).isFalse();
        assertThat(observed.logRead()).isTrue();
        assertThat(observed.describe()).startsWith("QA token on project 201: No API call logged by REDCap");
    }

    @Test
    void aLiveQaTokenKeptFromAnEarlierRequestCountsFromThisRequestsSubmission() {
        when(registry.ofRequest("request-1")).thenReturn(List.of());
        IssuedToken kept = qaToken("qa-kept", "an-earlier-request", SUBMITTED.minus(Duration.ofDays(100)));
        when(registry.liveToken("alice", RedcapEnvironment.QA, 201)).thenReturn(Optional.of(kept));

        assertThat(qaTokenUse.observe(request)).get().extracting(QaTokenUse.Observed::token).isEqualTo(kept);
        // TokenUsage counts from the later of the token's issue and this instant: the submission.
        verify(usage).summary(kept, SUBMITTED, NOW);
    }

    @Test
    void withoutAQaTokenThereIsNothingToCountAndTheLogIsNotRead() {
        when(registry.ofRequest("request-1")).thenReturn(List.of());

        assertThat(qaTokenUse.observe(request)).isEmpty();
        verify(logReader, org.mockito.Mockito.never()).catchUp(any(), org.mockito.ArgumentMatchers.anyLong());
    }

    @Test
    void aLogThatCannotBeReadLeavesTheCountsOfTheLastReadingAndSaysSo() {
        when(registry.ofRequest("request-1")).thenReturn(List.of(qaToken("qa", "request-1", SUBMITTED)));
        when(logReader.catchUp(RedcapEnvironment.QA, 201)).thenThrow(new RedcapUnavailableException("REDCap QA did not answer"));

        QaTokenUse.Observed observed = qaTokenUse.observe(request).orElseThrow();

        assertThat(observed.logRead()).isFalse();
        assertThat(observed.describe()).endsWith("(REDCap's log could not be read just now: counted up to its last reading.)");
    }

    private static IssuedToken qaToken(String id, String requestId, Instant issuedAt) {
        return new IssuedToken(id, requestId, "alice", RedcapEnvironment.QA, 201, true, false, false, TokenState.QA_ACTIVE,
                issuedAt, issuedAt.plus(Duration.ofDays(365)), null, null, null, null, 1L);
    }

    private static TokenRequestRecord submission() {
        return new TokenRequestRecord("request-1", "R-1", "alice", 101, 201, true, false, false, "SCHEDULED_EXPORT",
                "Nightly export", "Nightly at 02:00", 12, true, RequestStatus.SUBMITTED, null, SUBMITTED, null, false, 1L);
    }
}
