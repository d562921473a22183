package org.tokengov.registry;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A request for an API token as the requester submitted it (frozen: the request ledger's record of the submission,
 * with the authenticated submitter as {@code requester}), and how it ended. {@code backfilled}: registered before the
 * ledger existed, from process variables.
 */
@Table("token_request")
public record TokenRequestRecord(
        @Id String id,
        String requester,
        long productionProjectId,
        long qaProjectId,
        boolean rightExport,
        boolean rightImport,
        boolean rightMobileApp,
        String intendedUse,
        String usageDescription,
        String callSchedule,
        long expectedCallsPerDay,
        boolean fairUseAccepted,
        RequestStatus status,
        String outcomeReason,
        Instant submittedAt,
        Instant closedAt,
        boolean backfilled,
        @Version Long version) {

    TokenRequestRecord withStatus(RequestStatus newStatus, String reason, Instant at) {
        return new TokenRequestRecord(id, requester, productionProjectId, qaProjectId, rightExport, rightImport,
                rightMobileApp, intendedUse, usageDescription, callSchedule, expectedCallsPerDay, fairUseAccepted,
                newStatus, reason, submittedAt, newStatus.isClosed() ? at : null, backfilled, version);
    }
}
