package org.tokengov.inactivity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The policy's rule, free of I/O: a token is inactive since its last API use, or since its issue if it was never
 * used (or last used before this token existed: REDCap logs uses per user and project, not per token value).
 * Dates are counted in UTC calendar terms, so six months from 31 August is 28/29 February.
 */
final class InactivityRule {

    private final InactivityProperties properties;

    InactivityRule(InactivityProperties properties) {
        this.properties = Objects.requireNonNull(properties);
    }

    /** The start of the token's current inactivity period. */
    static Instant inactiveSince(Instant issuedAt, Instant lastUse) {
        return lastUse == null || lastUse.isBefore(issuedAt) ? issuedAt : lastUse;
    }

    /** When a token inactive since {@code since} is revoked. */
    Instant revocationDue(Instant since) {
        return since.atZone(ZoneOffset.UTC).plus(properties.unusedPeriod()).toInstant();
    }

    /** From when the holder is warned. */
    Instant warningDue(Instant since) {
        return revocationDue(since).atZone(ZoneOffset.UTC).minus(properties.warningBefore()).toInstant();
    }

    /**
     * @param warnedFor the inactivity period (its start) the holder was last warned about, or null
     */
    InactivityVerdict decide(Instant since, Instant warnedFor, Instant now) {
        if (!now.isBefore(revocationDue(since))) {
            return InactivityVerdict.REVOKE;
        }
        if (!now.isBefore(warningDue(since)) && !since.equals(warnedFor)) {
            return InactivityVerdict.WARN;
        }
        return InactivityVerdict.KEEP;
    }
}
