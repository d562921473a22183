package org.tokengov.testsupport;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerCases;
import org.tokengov.ledger.LedgerEntry;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.ledger.RequestCase;
import org.tokengov.ledger.TokenCase;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.NewTokenRequest;
import org.tokengov.registry.RequestNumber;
import org.tokengov.registry.RequestStatus;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.registry.TokenRequests;

/**
 * The request ledger and the requests registry of the BPMN unit tests, in memory: what the listeners and delegates
 * record there is what the gates read back, as against the real tables.
 */
public class InMemoryLedger {

    public final Ledger ledger = mock(Ledger.class);
    public final LedgerCases cases = mock(LedgerCases.class);
    public final TokenRequests requests = mock(TokenRequests.class);

    private final List<LedgerEntry> entries = new ArrayList<>();
    private final Map<String, TokenRequestRecord> submissions = new HashMap<>();
    private final Map<String, IssuedToken> tokens = new HashMap<>();

    public InMemoryLedger() {
        doAnswer(call -> {
            add(call.getArgument(0), call.getArgument(1), call.getArgument(2), call.getArgument(3), call.getArgument(4),
                    call.getArgument(5));
            return null;
        }).when(ledger).record(any(), any(), any(), anyString(), any(), any());
        when(ledger.entries(any())).thenAnswer(call -> entriesOf(call.getArgument(0)));
        when(ledger.hasEntries(any())).thenAnswer(call -> !entriesOf(call.getArgument(0)).isEmpty());
        when(cases.request(anyString())).thenAnswer(call -> {
            String id = call.getArgument(0);
            return new RequestCase(id, submissions.get(id), entriesOf(CaseRef.request(id)));
        });
        when(cases.token(anyString())).thenAnswer(call -> {
            String id = call.getArgument(0);
            return Optional.ofNullable(tokens.get(id)).map(token -> new TokenCase(token, entriesOf(CaseRef.token(id))));
        });
        when(requests.register(any())).thenAnswer(call -> submit(call.getArgument(0)));
        when(requests.find(anyString())).thenAnswer(call -> Optional.ofNullable(submissions.get((String) call.getArgument(0))));
        when(requests.changeStatus(anyString(), any(), any())).thenAnswer(call -> {
            TokenRequestRecord current = submissions.get((String) call.getArgument(0));
            TokenRequestRecord changed = withStatus(current, call.getArgument(1), call.getArgument(2));
            submissions.put(current.id(), changed);
            return changed;
        });
    }

    /** Files a request as the start listener does. */
    public TokenRequestRecord submit(NewTokenRequest request) {
        return submissions.computeIfAbsent(request.id(), id -> new TokenRequestRecord(id, nextNumber(), request.requester(),
                request.productionProjectId(), request.qaProjectId(), request.rightExport(), request.rightImport(),
                request.rightMobileApp(), request.intendedUse(), request.usageDescription(), request.callSchedule(),
                request.expectedCallsPerDay(), request.fairUseAccepted(), RequestStatus.SUBMITTED, null, Instant.now(), null,
                false, 0L));
    }

    /** Numbered as the registry numbers them, counting this test's requests. */
    private String nextNumber() {
        return RequestNumber.of(Instant.now().atZone(ZoneOffset.UTC).getYear(), submissions.size() + 1);
    }

    public void add(CaseRef caseRef, LedgerKind kind, String outcome, String actor, String subject, String details) {
        entries.add(new LedgerEntry(entries.size() + 1, caseRef, kind, outcome, actor, subject, Instant.now(), details, false));
    }

    /** Makes a token known to the registry, for the lifecycle's gates. */
    public void knowToken(IssuedToken token) {
        tokens.put(token.id(), token);
    }

    public List<LedgerEntry> entriesOf(CaseRef caseRef) {
        return entries.stream().filter(entry -> entry.caseRef().equals(caseRef)).toList();
    }

    public List<LedgerEntry> all() {
        return List.copyOf(entries);
    }

    public Optional<TokenRequestRecord> submission(String requestId) {
        return Optional.ofNullable(submissions.get(requestId));
    }

    private static TokenRequestRecord withStatus(TokenRequestRecord r, RequestStatus status, String reason) {
        return new TokenRequestRecord(r.id(), r.number(), r.requester(), r.productionProjectId(), r.qaProjectId(), r.rightExport(),
                r.rightImport(), r.rightMobileApp(), r.intendedUse(), r.usageDescription(), r.callSchedule(),
                r.expectedCallsPerDay(), r.fairUseAccepted(), status, reason, r.submittedAt(),
                status.isClosed() ? Instant.now() : null, r.backfilled(), r.version());
    }
}
