package org.tokengov.fairuse;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tokengov.usage.Certainty;
import org.tokengov.usage.FairUseRule;
import org.tokengov.usage.MinuteCount;

/**
 * {@code POLLING}: calls closer together than the threshold, minute after minute. What it sees: REDCap logs each call
 * to the second, and the counts keep calls per minute, so "intervals under N seconds" is read as at least 60/N calls
 * in each of M consecutive minutes. A client that calls in bursts (all of a minute's calls in one second) looks the
 * same as one that calls evenly; a client that polls more slowly than the threshold is not seen.
 */
final class PollingRule {

    private final FairUseProperties.Polling thresholds;
    private final int severeFactor;

    PollingRule(FairUseProperties properties) {
        this.thresholds = properties.polling();
        this.severeFactor = properties.severeFactor();
    }

    /** @param minutes one token's minutes with calls, oldest first */
    Optional<Observation> evaluate(List<MinuteCount> minutes, ZoneId zone) {
        int perMinute = thresholds.callsPerMinute();
        Run longest = null;
        Run current = null;
        for (MinuteCount minute : minutes) {
            if (minute.counts().calls() < perMinute) {
                current = null;
                continue;
            }
            boolean next = current != null && current.end().equals(minute.minute());
            current = next ? current.extend(minute) : Run.of(minute);
            longest = longest == null || current.minutes() > longest.minutes() ? current : longest;
        }
        if (longest == null || longest.minutes() < thresholds.minutes()) {
            return Optional.empty();
        }
        double interval = 60.0 * longest.minutes() / longest.calls();
        boolean severe = longest.calls() >= (long) severeFactor * perMinute * longest.minutes();
        String observed = String.format(Locale.ROOT, "%,d calls in %d consecutive minutes, from %s to %s (REDCap time,"
                        + " %s): one call every %.1f s on average, at least %d in every minute (threshold: calls under"
                        + " %d s apart for %d minutes).", longest.calls(), longest.minutes(),
                RedcapDays.time(longest.start(), zone), RedcapDays.time(longest.end(), zone), zone, interval, perMinute,
                thresholds.maxIntervalSeconds(), thresholds.minutes());
        return Optional.of(new Observation(FairUseRule.POLLING, Certainty.CONFIRMED, severe,
                RedcapDays.startOf(RedcapDays.day(longest.start(), zone), zone), longest.end(), observed));
    }

    private record Run(Instant start, Instant end, long calls) {

        static Run of(MinuteCount minute) {
            return new Run(minute.minute(), minute.minute().plus(Duration.ofMinutes(1)), minute.counts().calls());
        }

        Run extend(MinuteCount minute) {
            return new Run(start, minute.minute().plus(Duration.ofMinutes(1)), calls + minute.counts().calls());
        }

        long minutes() {
            return Duration.between(start, end).toMinutes();
        }
    }
}
