package org.tokengov.dashboard;

import java.time.Duration;
import java.time.Instant;
import org.tokengov.registry.IssuedToken;

/**
 * One token as a table row: what the registry holds about it, formatted, without its value or fingerprint.
 * {@code state} and {@code revocationReason} are words; {@code stateName} is the state's name for machines (CSS,
 * {@code data-state}).
 */
record TokenRow(String id, String holder, String environment, long projectId, String state, String stateName,
        String rights, String issued, String expires, String expiresIn, String lastUsed, String idleFor,
        String revocationReason) {

    static TokenRow of(IssuedToken token, Instant now) {
        return new TokenRow(token.id(), token.holder(), token.environment().name(), token.projectId(),
                Readable.tokenState(token.state()), token.state().name(), rights(token), Readable.day(token.issuedAt()),
                Readable.day(token.expiresAt()),
                token.expiresAt().isAfter(now) ? Readable.duration(Duration.between(now, token.expiresAt())) : "past",
                Readable.lastUse(token.lastUsedAt()), Readable.duration(Duration.between(idleSince(token), now)),
                Readable.revocationReason(token.revocationReason()));
    }

    /** Since when the token has not been used: its last API call, or its issue if it was never used. */
    private static Instant idleSince(IssuedToken token) {
        return token.lastUsedAt() != null ? token.lastUsedAt() : token.issuedAt();
    }

    static String rights(IssuedToken token) {
        return token.rightNames().isEmpty() ? "none" : String.join(", ", token.rightNames());
    }
}
