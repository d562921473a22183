package org.tokengov.requeststate;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerEntry;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.registry.TokenRequests;

/**
 * Where the requests a person may see stand. Who sees what is decided here, once, for the API and the page: REDCap
 * administrators every request, anyone else only their own (by the registry's requester, the authenticated submitter).
 * A closed request's state is how the registry recorded its end; an open one's is the step its instance waits at.
 */
@Service
public class RequestProgresses {

    private final TokenRequests requests;
    private final RequestWaits waits;
    private final Ledger ledger;

    RequestProgresses(TokenRequests requests, RequestWaits waits, Ledger ledger) {
        this.requests = requests;
        this.waits = waits;
        this.ledger = ledger;
    }

    /** Newest submission first; {@code only}: just the requests in that state. */
    public List<RequestProgress> visibleTo(String username, boolean admin, Optional<RequestState> only) {
        List<TokenRequestRecord> visible = admin ? requests.all() : requests.ofRequester(username);
        return visible.stream().map(this::of).filter(progress -> only.map(progress.state()::equals).orElse(true)).toList();
    }

    RequestProgress of(TokenRequestRecord request) {
        Optional<RequestState> closed = RequestState.ofClosed(request.status());
        if (closed.isPresent()) {
            return ended(request, closed.get(), request.outcomeReason());
        }
        Optional<WaitingPoint> waiting = waits.of(request.id());
        if (waiting.isEmpty()) {
            // Open in the registry but no instance runs (cancelled in Cockpit): nothing will happen to it any more.
            return ended(request, RequestState.CLOSED, null);
        }
        WaitingPoint point = waiting.get();
        RequestState state = OpenRequestSteps.stateAt(point.activityId(), point.activityId() != null
                && point.activityId().equals(OpenRequestSteps.DEVELOP_AND_TEST_IN_QA) && changesRequested(request.id()));
        return new RequestProgress(request.number(), request.id(), request.requester(), request.productionProjectId(),
                request.qaProjectId(), request.rightNames(), state, null, point.step(), point.actors(), point.since(),
                point.deadline());
    }

    private static RequestProgress ended(TokenRequestRecord request, RequestState state, String reason) {
        return new RequestProgress(request.number(), request.id(), request.requester(), request.productionProjectId(),
                request.qaProjectId(), request.rightNames(), state, state.hasReason() ? reason : null, null, List.of(),
                request.closedAt(), null);
    }

    private boolean changesRequested(String requestId) {
        return ledger.entries(CaseRef.request(requestId)).stream()
                .filter(entry -> entry.kind() == LedgerKind.CODE_REVIEW)
                .max(Comparator.comparingLong(LedgerEntry::id))
                .map(review -> review.is(LedgerKind.CODE_REVIEW, "CHANGES_REQUESTED"))
                .orElse(false);
    }
}
