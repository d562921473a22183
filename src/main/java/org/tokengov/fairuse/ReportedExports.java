package org.tokengov.fairuse;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tokengov.usage.UsageKey;

/** The record exports the usage-event intake reported for a token's user and project, with their parameters. */
@Component
class ReportedExports {

    List<ExportParameters> of(UsageKey key, Instant from, Instant to) {
        return List.of();
    }
}
