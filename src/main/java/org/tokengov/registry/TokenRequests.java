package org.tokengov.registry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers token requests and records where each stands. */
@Service
public class TokenRequests {

    private final TokenRequestRepository repository;
    private final RequestNumbers numbers;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    TokenRequests(TokenRequestRepository repository, RequestNumbers numbers, Clock clock, ApplicationEventPublisher events) {
        this.repository = repository;
        this.numbers = numbers;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Registers the request once, with the next request number of its year; a retried step finds it already there and
     * changes nothing.
     */
    @Transactional
    public TokenRequestRecord register(NewTokenRequest request) {
        return repository.findById(request.id()).orElseGet(() -> file(request));
    }

    private TokenRequestRecord file(NewTokenRequest request) {
        Instant submittedAt = clock.instant();
        return repository.save(new TokenRequestRecord(request.id(), numbers.next(submittedAt), request.requester(),
                request.productionProjectId(), request.qaProjectId(), request.rightExport(), request.rightImport(), request.rightMobileApp(), request.intendedUse(),
                request.usageDescription(), request.callSchedule(), request.expectedCallsPerDay(),
                request.fairUseAccepted(), RequestStatus.SUBMITTED, null, submittedAt, null, false, null));
    }

    @Transactional
    public TokenRequestRecord changeStatus(String requestId, RequestStatus status, String reason) {
        TokenRequestRecord current = repository.findById(requestId)
                .orElseThrow(() -> new IllegalStateException("Unknown token request " + requestId));
        if (current.status().isClosed()) {
            throw new IllegalStateException("Token request " + requestId + " is already closed as " + current.status());
        }
        TokenRequestRecord changed = repository.save(current.withStatus(status, reason, clock.instant()));
        if (changed.status().isClosed()) {
            events.publishEvent(new TokenRequestClosed(changed));
        }
        return changed;
    }

    /** The request people quote by its number ({@code REQ-2026-0042}). */
    public Optional<TokenRequestRecord> findByNumber(String number) {
        return repository.findByNumber(number);
    }

    public Optional<TokenRequestRecord> find(String requestId) {
        return repository.findById(requestId);
    }

    public List<TokenRequestRecord> ofRequester(String requester) {
        return repository.findByRequesterOrderBySubmittedAtDesc(requester);
    }

    /**
     * One page of requests, newest submission first (then by id, so pages never overlap): {@code requester} null for
     * everyone's, {@code statuses} empty for any status. Paged and counted by the database.
     */
    public Page<TokenRequestRecord> page(String requester, Set<RequestStatus> statuses, int page, int size) {
        PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Order.desc("submittedAt"), Sort.Order.desc("id")));
        if (requester == null) {
            return statuses.isEmpty() ? repository.findAll(request) : repository.findByStatusIn(statuses, request);
        }
        return statuses.isEmpty() ? repository.findByRequester(requester, request)
                : repository.findByRequesterAndStatusIn(requester, statuses, request);
    }

    /** The requests still open (registry status SUBMITTED), newest first; {@code requester} null for everyone's. */
    public List<TokenRequestRecord> open(String requester) {
        return requester == null ? repository.findByStatusOrderBySubmittedAtDesc(RequestStatus.SUBMITTED)
                : repository.findByRequesterAndStatusOrderBySubmittedAtDesc(requester, RequestStatus.SUBMITTED);
    }

    /**
     * The newest {@code limit} requests closed in one of {@code statuses} at {@code from} or later, newest end first;
     * {@code requester} null for everyone's. Cut by the database.
     */
    public List<TokenRequestRecord> closedSince(String requester, Set<RequestStatus> statuses, Instant from, int limit) {
        PageRequest first = PageRequest.of(0, limit, Sort.by(Sort.Order.desc("closedAt"), Sort.Order.desc("id")));
        return requester == null ? repository.findByStatusInAndClosedAtGreaterThanEqual(statuses, from, first)
                : repository.findByRequesterAndStatusInAndClosedAtGreaterThanEqual(requester, statuses, from, first);
    }

    /** The requests submitted at {@code from} or later; {@code requester} null for everyone's. */
    public List<TokenRequestRecord> submittedSince(String requester, Instant from) {
        return requester == null ? repository.findBySubmittedAtGreaterThanEqual(from)
                : repository.findByRequesterAndSubmittedAtGreaterThanEqual(requester, from);
    }
}
