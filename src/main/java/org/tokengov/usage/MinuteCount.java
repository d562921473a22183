package org.tokengov.usage;

import java.time.Instant;

/** One user's calls on one project in one minute (UTC minute start). */
public record MinuteCount(Instant minute, UsageCounts counts) {
}
