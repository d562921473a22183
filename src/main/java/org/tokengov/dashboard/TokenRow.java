package org.tokengov.dashboard;

import java.time.Duration;
import java.time.Instant;
import org.tokengov.registry.IssuedToken;

/** One token as a table row: what the registry holds about it, formatted, without its value or fingerprint. */
record TokenRow(String id, String holder, String environment, long projectId, String state, String rights,
        String issued, String expires, String expiresIn, String lastUsed, String idleFor, String revocationReason) {

    static TokenRow of(IssuedToken token, Instant now) {
        return new TokenRow(token.id(), token.holder(), token.environment().name(), token.projectId(), token.state().name(),
                rights(token), Readable.day(token.issuedAt()), Readable.day(token.expiresAt()),
                token.expiresAt().isAfter(now) ? Readable.duration(Duration.between(now, token.expiresAt())) : "past",
                token.lastUsedAt() == null ? "never" : Readable.day(token.lastUsedAt()),
                Readable.duration(Duration.between(idleSince(token), now)),
                token.revocationReason() == null ? "" : token.revocationReason());
    }

    /** Since when the token has not been used: its last API call, or its issue if it was never used. */
    private static Instant idleSince(IssuedToken token) {
        return token.lastUsedAt() != null ? token.lastUsedAt() : token.issuedAt();
    }

    private static String rights(IssuedToken token) {
        return token.rightNames().isEmpty() ? "none" : String.join(", ", token.rightNames());
    }
}
