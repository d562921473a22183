package org.tokengov.audit;

import java.time.Instant;

/** One row of the audit trail. {@code details} never holds a token value. */
public record AuditEntry(
        long id,
        Instant occurredAt,
        String actor,
        AuditAction action,
        String requestId,
        String tokenId,
        String details) {
}
