package org.tokengov.requeststate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerEntry;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.registry.RequestStatus;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.registry.TokenRequests;

class RequestProgressesTest {

    static final Instant SUBMITTED_AT = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant CLOSED_AT = Instant.parse("2026-03-09T10:00:00Z");
    static final Instant TASK_CREATED = Instant.parse("2026-03-03T08:00:00Z");
    static final Instant DEADLINE = Instant.parse("2026-03-17T08:00:00Z");

    final TokenRequests requests = mock(TokenRequests.class);
    final RequestWaits waits = mock(RequestWaits.class);
    final Ledger ledger = mock(Ledger.class);
    final List<LedgerEntry> entries = new ArrayList<>();
    final RequestProgresses progresses = new RequestProgresses(requests, waits, ledger);

    @BeforeEach
    void ledgerOfTheRequest() {
        when(ledger.entries(CaseRef.request("r-1"))).thenReturn(entries);
    }

    @ParameterizedTest
    @CsvSource({
            "Task_ConfirmSponsorship, WAITING_FOR_SPONSOR",
            "Task_ApproveAsPi, WAITING_FOR_PI",
            "Task_DevelopAndTestInQa, QA_TESTING",
            "Task_ReviewCode, IN_REVIEW",
            "Task_ApproveRelease, WAITING_FOR_APPROVAL"})
    void aRequestWaitingAtAPersonsStepIsInThatStepsState(String taskKey, RequestState expected) {
        open("r-1", new WaitingPoint(taskKey, "REQ-2026-0001: a step", true, List.of("pat"), TASK_CREATED, DEADLINE, false, "task-1"));

        RequestProgress progress = only();

        assertThat(progress.state()).isEqualTo(expected);
        assertThat(progress.waitingFor()).containsExactly("pat");
        assertThat(progress.since()).isEqualTo(TASK_CREATED);
        assertThat(progress.deadline()).isEqualTo(DEADLINE);
        assertThat(progress.reason()).isNull();
        assertThat(progress.number()).isEqualTo("REQ-2026-0001");
        assertThat(progress.rights()).containsExactly("export");
    }

    @ParameterizedTest
    @CsvSource({"Task_CheckEligibility", "Task_CheckPiConsent", "Task_WriteTokenToRedcap", "Task_IssueProductionToken"})
    void aRequestTheSystemWorksOnIsSubmittedAndWaitsForNobody(String activityId) {
        open("r-1", new WaitingPoint(activityId, "Check eligibility", false, List.of(), TASK_CREATED, null, false, null));

        RequestProgress progress = only();

        assertThat(progress.state()).isEqualTo(RequestState.SUBMITTED);
        assertThat(progress.waitingFor()).isEmpty();
        assertThat(progress.deadline()).isNull();
    }

    @Test
    void backInQaAfterAReviewAskedForChangesIsChangesRequestedUntilTheNextReviewSaysOtherwise() {
        open("r-1", new WaitingPoint("Task_DevelopAndTestInQa", "Develop and test", true, List.of("alice"), TASK_CREATED, null, false, null));
        review(1, "CHANGES_REQUESTED");
        assertThat(only().state()).isEqualTo(RequestState.CHANGES_REQUESTED);

        review(2, "APPROVED");
        assertThat(only().state()).as("the latest review counts").isEqualTo(RequestState.QA_TESTING);

        review(3, "CHANGES_REQUESTED");
        assertThat(only().state()).isEqualTo(RequestState.CHANGES_REQUESTED);
    }

    @Test
    void aReviewThatAskedForChangesDoesNotChangeTheStateOfLaterSteps() {
        open("r-1", new WaitingPoint("Task_ReviewCode", "Review", true, List.of("group api-specialists"), TASK_CREATED, null, false, null));
        review(1, "CHANGES_REQUESTED");

        assertThat(only().state()).isEqualTo(RequestState.IN_REVIEW);
    }

    @ParameterizedTest
    @CsvSource({
            "APPROVED, ISSUED, false",
            "INELIGIBLE, REFUSED, true",
            "REFUSED, REFUSED, true",
            "REJECTED, REJECTED, true",
            "TIMED_OUT, CLOSED, true",
            "CLOSED, CLOSED, true"})
    void aClosedRequestIsInTheStateOfHowItEndedWithTheSentenceTheRequesterWasSent(RequestStatus status,
            RequestState expected, boolean withReason) {
        alicesPage(request("r-1", status, "What the requester was told."));

        RequestProgress progress = only();

        assertThat(progress.state()).isEqualTo(expected);
        assertThat(progress.reason()).isEqualTo(withReason ? "What the requester was told." : null);
        assertThat(progress.waitingFor()).isEmpty();
        assertThat(progress.since()).isEqualTo(CLOSED_AT);
        assertThat(progress.deadline()).isNull();
        verify(waits).of(List.of());
        verifyNoMoreInteractions(waits);
    }

    @Test
    void anOpenRequestWhoseProcessNoLongerRunsIsClosed() {
        alicesPage(request("r-1", RequestStatus.SUBMITTED, null));
        when(waits.of(List.of("r-1"))).thenReturn(Map.of("r-1", Optional.empty()));

        assertThat(only().state()).isEqualTo(RequestState.CLOSED);
    }

    @Test
    void administratorsSeeEveryRequestAndOthersOnlyTheirOwnAPageAtATimeFilteredByStateInTheRegistry() {
        TokenRequestRecord issued = request("r-2", RequestStatus.APPROVED, "Production token issued");
        TokenRequestRecord rejected = request("r-3", RequestStatus.REJECTED, "Code review: no.");
        when(requests.page(null, Set.of(), 1, 2)).thenReturn(new PageImpl<>(List.of(issued, rejected), PageRequest.of(1, 2), 5));
        when(requests.page(null, Set.of(RequestStatus.REJECTED), 0, 50)).thenReturn(new PageImpl<>(List.of(rejected), PageRequest.of(0, 50), 1));
        when(requests.page(null, Set.of(RequestStatus.TIMED_OUT, RequestStatus.CLOSED), 0, 50))
                .thenReturn(new PageImpl<>(List.of(), PageRequest.of(0, 50), 0));
        when(requests.page("bob", Set.of(), 0, 50)).thenReturn(new PageImpl<>(List.of(), PageRequest.of(0, 50), 0));

        RequestProgressPage second = progresses.visibleTo("ada", true, Optional.empty(), 1, 2);
        assertThat(second.requests()).extracting(RequestProgress::id).containsExactly("r-2", "r-3");
        assertThat(second.total()).isEqualTo(5);
        assertThat(second.hasNext()).isTrue();
        assertThat(second.hasPrevious()).isTrue();
        assertThat(progresses.visibleTo("ada", true, Optional.of(RequestState.REJECTED), 0, 50).requests())
                .extracting(RequestProgress::id).containsExactly("r-3");
        assertThat(progresses.visibleTo("ada", true, Optional.of(RequestState.CLOSED), 0, 50).requests()).isEmpty();
        RequestProgressPage bobs = progresses.visibleTo("bob", false, Optional.empty(), 0, 50);
        assertThat(bobs.requests()).isEmpty();
        assertThat(bobs.hasNext()).isFalse();
        assertThat(bobs.hasPrevious()).isFalse();
        verify(requests, never()).page(eq("ada"), any(), anyInt(), anyInt());
    }

    @Test
    void anOpenStateIsFilteredOverTheOpenRequestsWhoseStepsTheEngineGivesInOneBatchThenPaged() {
        List<TokenRequestRecord> open = List.of(request("r-a", RequestStatus.SUBMITTED, null),
                request("r-b", RequestStatus.SUBMITTED, null), request("r-c", RequestStatus.SUBMITTED, null));
        when(requests.open("alice")).thenReturn(open);
        when(waits.of(List.of("r-a", "r-b", "r-c"))).thenReturn(Map.of(
                "r-a", Optional.of(new WaitingPoint("Task_ReviewCode", "Review", true, List.of(), TASK_CREATED, null, false, null)),
                "r-b", Optional.of(new WaitingPoint("Task_DevelopAndTestInQa", "Test", true, List.of(), TASK_CREATED, null, false, null)),
                "r-c", Optional.of(new WaitingPoint("Task_ReviewCode", "Review", true, List.of(), TASK_CREATED, null, false, null))));

        RequestProgressPage first = progresses.visibleTo("alice", false, Optional.of(RequestState.IN_REVIEW), 0, 1);
        RequestProgressPage second = progresses.visibleTo("alice", false, Optional.of(RequestState.IN_REVIEW), 1, 1);
        RequestProgressPage beyond = progresses.visibleTo("alice", false, Optional.of(RequestState.IN_REVIEW), 7, 1);

        assertThat(first.requests()).extracting(RequestProgress::id).containsExactly("r-a");
        assertThat(first.total()).isEqualTo(2);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.requests()).extracting(RequestProgress::id).containsExactly("r-c");
        assertThat(second.hasNext()).isFalse();
        assertThat(beyond.requests()).isEmpty();
        verify(waits, times(3)).of(List.of("r-a", "r-b", "r-c"));
        verifyNoMoreInteractions(waits);
        verify(requests, never()).open(null);
    }

    @Test
    void everyStateHasWordsForPeople() {
        for (RequestState state : RequestState.values()) {
            assertThat(state.words()).isNotBlank().isNotEqualTo(state.name());
        }
        assertThat(RequestState.named("WAITING_FOR_PI")).hasValue(RequestState.WAITING_FOR_PI);
        assertThat(RequestState.named("waiting")).isEmpty();
    }

    private RequestProgress only() {
        List<RequestProgress> visible = progresses.visibleTo("alice", false, Optional.empty(), 0, 50).requests();
        assertThat(visible).hasSize(1);
        return visible.get(0);
    }

    private void open(String id, WaitingPoint point) {
        alicesPage(request(id, RequestStatus.SUBMITTED, null));
        when(waits.of(List.of(id))).thenReturn(Map.of(id, Optional.of(point)));
    }

    private void alicesPage(TokenRequestRecord request) {
        when(requests.page("alice", Set.of(), 0, 50)).thenReturn(new PageImpl<>(List.of(request), PageRequest.of(0, 50), 1));
    }

    private void review(long id, String outcome) {
        entries.add(new LedgerEntry(id, CaseRef.request("r-1"), LedgerKind.CODE_REVIEW, outcome, "sam", null,
                TASK_CREATED.plusSeconds(id), "", false));
    }

    private static TokenRequestRecord request(String id, RequestStatus status, String reason) {
        return new TokenRequestRecord(id, "REQ-2026-0001", "alice", 101L, 201L, true, false, false, "SCHEDULED_EXPORT",
                "Nightly export.", "Nightly", 10, true, status, reason, SUBMITTED_AT,
                status.isClosed() ? CLOSED_AT : null, false, 1L);
    }
}
