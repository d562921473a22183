package org.tokengov.reconciliation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/**
 * When a service account's found token is revoked: on the configured cutover day (data pipelines move to personal
 * tokens first), or, with none configured or that day past, after the notice period from the day it was found.
 */
@Component
class ServiceAccountCutover {

    private final ReconciliationProperties properties;

    ServiceAccountCutover(ReconciliationProperties properties) {
        this.properties = properties;
    }

    LocalDate day(LocalDate foundOn) {
        LocalDate configured = properties.serviceAccountCutover();
        if (configured != null && configured.isAfter(foundOn)) {
            return configured;
        }
        return foundOn.plusDays(properties.serviceAccountNotice().toDays());
    }

    /** The start of the cutover day, in UTC as the engine's timers count. */
    java.util.Date at(LocalDate foundOn) {
        return java.util.Date.from(day(foundOn).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
