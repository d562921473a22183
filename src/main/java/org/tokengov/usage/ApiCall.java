package org.tokengov.usage;

import java.time.Instant;

/** One API call read from REDCap's log: who made it, when (converted from REDCap's zone), and what it did. */
public record ApiCall(String username, Instant at, UsageKind kind) {
}
