package org.tokengov.registry;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A request for an API token as the requester submitted it (frozen: the request ledger's record of the submission,
 * with the authenticated submitter as {@code requester}), and how it ended. {@code backfilled}: registered before the
 * ledger existed, from process variables. {@code number}: the short number people quote ({@link RequestNumber}).
 */
@Table("token_request")
public record TokenRequestRecord(
        @Id String id,
        @Column("request_number") String number,
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

    /** The API rights asked for, in words: "export", "import", "mobile app". */
    public List<String> rightNames() {
        return RightNames.of(rightExport, rightImport, rightMobileApp);
    }

    TokenRequestRecord withStatus(RequestStatus newStatus, String reason, Instant at) {
        return new TokenRequestRecord(id, number, requester, productionProjectId, qaProjectId, rightExport, rightImport,
                rightMobileApp, intendedUse, usageDescription, callSchedule, expectedCallsPerDay, fairUseAccepted,
                newStatus, reason, submittedAt, newStatus.isClosed() ? at : null, backfilled, version);
    }
}
