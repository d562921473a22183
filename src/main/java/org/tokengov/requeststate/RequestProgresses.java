package org.tokengov.requeststate;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerEntry;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.registry.RequestStatus;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.registry.TokenRequests;

/**
 * Where the requests a person may see stand. Who sees what is decided here, once, for the API and the page: REDCap
 * administrators every request, anyone else only their own (by the registry's requester, the authenticated submitter).
 * A closed request's state is how the registry recorded its end; an open one's is the step its instance waits at.
 */
@Service
public class RequestProgresses {

    private static final List<RequestState> ENDED_WITHOUT_TOKEN = List.of(RequestState.REFUSED, RequestState.REJECTED,
            RequestState.CLOSED);

    private final TokenRequests requests;
    private final RequestWaits waits;
    private final Ledger ledger;

    RequestProgresses(TokenRequests requests, RequestWaits waits, Ledger ledger) {
        this.requests = requests;
        this.waits = waits;
        this.ledger = ledger;
    }

    /**
     * One page, newest submission first; {@code only}: just the requests in that state. The database pages and counts;
     * the engine is asked about the page's open requests only. An open state ({@code IN_REVIEW}, ...) is the engine's
     * to say, so for one of those every open request the person may see is resolved (open requests are few: the
     * registry's SUBMITTED ones) and the page cut from them. An ended state is the registry's: a request still SUBMITTED
     * in the registry whose instance was cancelled in Cockpit shows as CLOSED, but only in the unfiltered list.
     */
    public RequestProgressPage visibleTo(String username, boolean admin, Optional<RequestState> only, int page, int size) {
        String requester = admin ? null : username;
        if (only.isPresent() && only.get().isOpen()) {
            List<RequestProgress> matching = resolve(requests.open(requester)).stream()
                    .filter(progress -> progress.state() == only.get()).toList();
            long from = Math.min((long) page * size, matching.size());
            return new RequestProgressPage(matching.subList((int) from, (int) Math.min(from + size, matching.size())), page,
                    size, matching.size());
        }
        Page<TokenRequestRecord> rows = requests.page(requester, only.map(RequestState::registryStatuses).orElse(Set.of()), page, size);
        return new RequestProgressPage(resolve(rows.getContent()), page, size, rows.getTotalElements());
    }

    /**
     * The newest {@code limit} requests that ended without a token (refused, rejected, closed) at {@code from} or later,
     * newest end first, each with the sentence the requester was sent. Read by the database; the engine is not asked.
     */
    public List<RequestProgress> endedWithoutTokenSince(String username, boolean admin, Instant from, int limit) {
        Set<RequestStatus> statuses = EnumSet.noneOf(RequestStatus.class);
        ENDED_WITHOUT_TOKEN.forEach(state -> statuses.addAll(state.registryStatuses()));
        return requests.closedSince(admin ? null : username, statuses, from, limit).stream()
                .map(request -> ended(request, RequestState.ofClosed(request.status()).orElseThrow(), request.outcomeReason()))
                .toList();
    }

    /** In the given order; the open ones' waiting points in one batch. */
    private List<RequestProgress> resolve(List<TokenRequestRecord> page) {
        Map<String, Optional<WaitingPoint>> waiting = waits.of(page.stream()
                .filter(request -> RequestState.ofClosed(request.status()).isEmpty()).map(TokenRequestRecord::id).toList());
        return page.stream().map(request -> of(request, waiting.getOrDefault(request.id(), Optional.empty()))).toList();
    }

    private RequestProgress of(TokenRequestRecord request, Optional<WaitingPoint> waiting) {
        Optional<RequestState> closed = RequestState.ofClosed(request.status());
        if (closed.isPresent()) {
            return ended(request, closed.get(), request.outcomeReason());
        }
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
