package org.tokengov.attestation;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Who must attest: every holder of a live token whose last attestation (or renewal) is older than the period. */
final class AttestationDue {

    private AttestationDue() {
    }

    static List<String> holdersToAsk(Collection<String> liveHolders, Map<String, Instant> lastAttested, Instant now,
            Period validFor) {
        Instant since = since(now, validFor);
        return liveHolders.stream().distinct().sorted()
                .filter(holder -> lastAttested.get(holder) == null || lastAttested.get(holder).isBefore(since))
                .toList();
    }

    static Instant since(Instant now, Period validFor) {
        return now.atZone(ZoneOffset.UTC).minus(validFor).toInstant();
    }
}
