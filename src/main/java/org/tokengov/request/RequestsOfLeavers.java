package org.tokengov.request;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.registry.RequestStatus;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.registry.TokenRequests;

/**
 * A person who left the organisation has no request left open: each ends where it stands (its process, with any
 * issuance it called, is cancelled), the registry says CLOSED and why, and the audit trail records it. Nobody is asked
 * to review or approve a leaver's request.
 */
@Service
public class RequestsOfLeavers {

    private final TokenRequests requests;
    private final RuntimeService runtime;
    private final AuditTrail auditTrail;

    RequestsOfLeavers(TokenRequests requests, RuntimeService runtime, AuditTrail auditTrail) {
        this.requests = requests;
        this.runtime = runtime;
        this.auditTrail = auditTrail;
    }

    /** Closes every open request of {@code username}; returns their ids. */
    @Transactional
    public List<String> closeOpenRequestsOf(String username, String why) {
        List<TokenRequestRecord> open = requests.ofRequester(username).stream().filter(request -> !request.status().isClosed())
                .toList();
        for (TokenRequestRecord request : open) {
            runtime.deleteProcessInstanceIfExists(request.id(), why, false, true, false, false);
            requests.changeStatus(request.id(), RequestStatus.CLOSED, why);
            auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.REQUEST_CLOSED, request.id(), null,
                    RequestStatus.CLOSED + ": " + why);
        }
        return open.stream().map(TokenRequestRecord::id).toList();
    }
}
