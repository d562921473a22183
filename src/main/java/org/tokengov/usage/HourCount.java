package org.tokengov.usage;

import java.time.Instant;

/** One user's calls on one project in one hour (UTC hour start), with that hour's busiest minute. */
public record HourCount(Instant hour, UsageCounts counts, long busiestMinuteCalls, Instant busiestMinuteAt) {
}
