package org.tokengov.offboarding;

import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.offboarding.OffboardingVariables.EventAction;
import org.tokengov.registry.TokenHolders;

/**
 * Events about a person follow their effective dates, not their order of arrival: a termination dated before a
 * rehire (or before a termination already in effect) changes nothing, and is recorded as ignored.
 */
@Service
class EffectiveDates {

    private final OffboardingEvents events;
    private final AuditTrail auditTrail;
    private final Clock clock;
    private final TokenHolders holders;

    EffectiveDates(OffboardingEvents events, AuditTrail auditTrail, Clock clock, TokenHolders holders) {
        this.events = events;
        this.auditTrail = auditTrail;
        this.clock = clock;
        this.holders = holders;
    }

    boolean inEffect(OffboardingEvent event) {
        return !event.effectiveAt().isAfter(clock.instant());
    }

    EventAction actionFor(OffboardingEvent event) {
        if (OffboardingEvent.REHIRED.equals(event.type())) {
            return EventAction.RECORD_REHIRE;
        }
        return events.supersedingEvent(event).isPresent() ? EventAction.IGNORE : EventAction.REVOKE;
    }

    @Transactional
    void recordIgnored(OffboardingEvent event) {
        String details = events.supersedingEvent(event)
                .map(later -> "superseded by " + later.type() + " effective " + later.effectiveAt() + " (event " + later.id() + ")")
                .orElse("superseded by a later-dated event");
        events.close(event.id(), OffboardingOutcome.IGNORED, details);
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.OFFBOARDING_EVENT_IGNORED, null, null,
                event.type() + " of " + event.username() + " effective " + event.effectiveAt() + " (event " + event.id()
                        + ", " + event.source() + ") ignored: " + details);
    }

    /** The rehire also ends the departure that kept the person from new tokens, if it was dated before the rehire. */
    @Transactional
    void recordRehire(OffboardingEvent event) {
        holders.recordReturn(event.username(), event.effectiveAt());
        events.close(event.id(), OffboardingOutcome.RECORDED, "rehired; terminations dated before "
                + event.effectiveAt() + " that arrive later are ignored");
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.PERSON_REHIRED, null, null,
                event.username() + " rehired effective " + event.effectiveAt() + " (event " + event.id() + ", "
                        + event.source() + "); earlier tokens stay revoked: new ones need a new request");
    }
}
