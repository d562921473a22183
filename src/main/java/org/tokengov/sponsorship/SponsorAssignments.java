package org.tokengov.sponsorship;

import java.util.Map;
import org.springframework.stereotype.Service;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.identity.PeopleDirectory;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;

/** Records a new sponsor in the identity store (where the eligibility check and later cascades read it). */
@Service
class SponsorAssignments {

    private final PeopleDirectory people;
    private final AuditTrail auditTrail;
    private final Notifier notifier;

    SponsorAssignments(PeopleDirectory people, AuditTrail auditTrail, Notifier notifier) {
        this.people = people;
        this.auditTrail = auditTrail;
        this.notifier = notifier;
    }

    void assign(String external, String departedSponsor, String newSponsor, String namedBy) {
        people.assignSponsor(external, newSponsor);
        auditTrail.record(namedBy, AuditAction.SPONSOR_REPLACED, null, null,
                external + ": sponsor " + departedSponsor + " (left) replaced by " + newSponsor + ", named by " + namedBy);
        notifier.send(Notification.toUser(newSponsor, MailKind.NEW_SPONSOR,
                Map.of("external", external, "departedSponsor", departedSponsor, "namedBy", namedBy)));
    }
}
