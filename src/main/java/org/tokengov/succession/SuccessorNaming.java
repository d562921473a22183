package org.tokengov.succession;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.identity.PeopleDirectory;
import org.tokengov.identity.Person;
import org.tokengov.identity.SystemAuthority;
import org.tokengov.input.PlainText;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.offboarding.OffboardingEvent;
import org.tokengov.offboarding.OffboardingEvents;
import org.tokengov.redcap.ProjectPis;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.request.Departures;
import org.tokengov.request.Succession;
import org.tokengov.succession.NamingRefused.Kind;

/**
 * Names the successor of a leaver's production token, under these rules: only the production project's PI (a user
 * with full User Rights on it in REDCap, asked fresh) or a REDCap administrator names; only before the leaving date,
 * which is a recorded termination or leaving of the project, or the PI's own report of the date given with the naming
 * (recorded as the PI's left-project report); the successor is another person the identity store knows; the token was
 * issued through a reviewed request. The rest of eligibility is checked when the successor requests, as for anyone.
 */
@Service
public class SuccessorNaming {

    /** The offboarding source of a leaving date the PI reports with the naming. */
    static final String PI_REPORT = "PI_REPORT";
    static final int USERNAME_MAX = 191;

    /** What the caller asks: {@code leavingOn} is the PI's report of the date, null if a departure is recorded. */
    public record Request(String tokenId, String successor, LocalDate leavingOn, String namedBy, boolean namedByAdmin) {
    }

    private final TokenRegistry registry;
    private final ProjectPis pis;
    private final PeopleDirectory people;
    private final IdentityService identity;
    private final Departures departures;
    private final OffboardingEvents offboardings;
    private final ReviewedCodes reviewedCodes;
    private final SuccessorNamings namings;
    private final AuditTrail auditTrail;
    private final Notifier notifier;
    private final Clock clock;

    SuccessorNaming(TokenRegistry registry, ProjectPis pis, PeopleDirectory people, IdentityService identity,
            Departures departures,
            OffboardingEvents offboardings, ReviewedCodes reviewedCodes, SuccessorNamings namings, AuditTrail auditTrail,
            Notifier notifier, Clock clock) {
        this.registry = registry;
        this.pis = pis;
        this.people = people;
        this.identity = identity;
        this.departures = departures;
        this.offboardings = offboardings;
        this.reviewedCodes = reviewedCodes;
        this.namings = namings;
        this.auditTrail = auditTrail;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Transactional
    public Succession name(Request request) {
        IssuedToken token = registry.find(request.tokenId())
                .orElseThrow(() -> new NamingRefused(Kind.UNKNOWN_TOKEN, "No token " + request.tokenId() + "."));
        if (token.environment() != RedcapEnvironment.PROD || token.superToken()) {
            throw new NamingRefused(Kind.INVALID, "Successors are named for production project tokens; token "
                    + token.id() + " is a " + (token.superToken() ? "super" : token.environment().name()) + " token.");
        }
        if (!request.namedByAdmin() && !pis.isPi(request.namedBy(), RedcapEnvironment.PROD, token.projectId())) {
            throw new NamingRefused(Kind.NOT_ALLOWED, "Only the project's PI (a user with full User Rights on REDCap "
                    + "project " + token.projectId() + ") or a REDCap administrator names a successor.");
        }
        if (!token.state().isLive()) {
            throw new NamingRefused(Kind.CONFLICT, "Token " + token.id() + " is " + token.state() + ": it has no successor to hand over to.");
        }
        String successor = successor(request.successor(), token.holder());
        Instant leavingAt = leavingDate(token, request.leavingOn());
        if (namings.unusedForToken(token.id()).isPresent()) {
            throw new NamingRefused(Kind.CONFLICT, "A successor is already named for token " + token.id()
                    + " and has not requested yet.");
        }
        if (namings.unusedFor(successor, token.projectId()).isPresent()) {
            throw new NamingRefused(Kind.CONFLICT, "'" + successor + "' is already named successor on project "
                    + token.projectId() + " and has not requested yet: one naming per request.");
        }
        ReviewedCode code = reviewedCodes.of(token).orElseThrow(() -> new NamingRefused(Kind.CONFLICT, "Token "
                + token.id() + " has no approved code review in the ledger (it did not come through a request): its "
                + "successor makes a request of their own."));
        if (request.leavingOn() != null && offboardings.nextDeparture(token.holder(), token.projectId()).isEmpty()) {
            offboardings.record(token.holder(), PI_REPORT, "leaves the project (reported by " + request.namedBy()
                    + " when naming " + successor + " successor)", OffboardingEvent.LEFT_PROJECT, token.projectId(), leavingAt);
        }
        Instant now = clock.instant();
        Succession naming = new Succession(UUID.randomUUID().toString(), token.holder(), successor, token.projectId(),
                token.id(), code.repository(), code.commit(), code.reviewedBy(), code.reviewedAt(), request.namedBy(),
                leavingAt);
        namings.add(naming, token.requestId(), now);
        auditTrail.record(request.namedBy(), AuditAction.SUCCESSOR_NAMED, token.requestId(), token.id(),
                successor + " succeeds " + token.holder() + " on project " + token.projectId() + " (leaves on "
                        + day(leavingAt) + "); reviewed code " + code.repository() + " commit " + code.commit());
        tell(naming);
        return naming;
    }

    private String successor(String given, String predecessor) {
        String username = given == null ? "" : given.trim();
        if (username.isEmpty() || username.length() > USERNAME_MAX || !PlainText.isPlain(given)) {
            throw new NamingRefused(Kind.INVALID, "Give the successor's username: a JSON body {\"successor\": \"…\"} of 1 to "
                    + USERNAME_MAX + " characters without control characters.");
        }
        if (username.equalsIgnoreCase(predecessor)) {
            throw new NamingRefused(Kind.INVALID, "The successor must be another person than " + predecessor + ".");
        }
        // The PI may not read the identity store; who the successor is, is looked up by the system.
        Person person = SystemAuthority.call(identity, () -> people.find(username)).orElseThrow(() -> new NamingRefused(Kind.INVALID,
                "No account '" + username + "' exists in the identity store."));
        if (!person.active()) {
            throw new NamingRefused(Kind.INVALID, "The account '" + username + "' is disabled.");
        }
        return person.username();
    }

    /**
     * The recorded departure's date if there is one (a PI's date must then be the same), else the PI's date, which must
     * be after today. Refused once the predecessor has left: the naming serves to keep the pipeline going over the date.
     */
    private Instant leavingDate(IssuedToken token, LocalDate leavingOn) {
        Optional<String> departed = departures.departureBlocking(token.holder(), token.projectId());
        if (departed.isPresent()) {
            throw new NamingRefused(Kind.CONFLICT, "Too late to name a successor: " + departed.get());
        }
        Optional<Instant> recorded = offboardings.nextDeparture(token.holder(), token.projectId())
                .map(OffboardingEvent::effectiveAt);
        if (recorded.isPresent()) {
            if (leavingOn != null && !leavingOn.equals(day(recorded.get()))) {
                throw new NamingRefused(Kind.INVALID, token.holder() + "'s leaving date is recorded as "
                        + day(recorded.get()) + ": leave leavingOn out, or ask for the departure to be corrected first.");
            }
            return recorded.get();
        }
        if (leavingOn == null) {
            throw new NamingRefused(Kind.INVALID, "No leaving date is recorded for " + token.holder() + " on project "
                    + token.projectId() + ": give it as leavingOn (YYYY-MM-DD), the PI's report of the date.");
        }
        if (!leavingOn.isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
            throw new NamingRefused(Kind.INVALID, "leavingOn must be a day after today: a successor is named before the "
                    + "leaving date.");
        }
        return leavingOn.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private void tell(Succession naming) {
        Map<String, Object> model = Map.of("predecessor", naming.predecessor(), "successor", naming.successor(),
                "project", naming.productionProjectId(), "repository", naming.codeRepositoryUrl(),
                "commit", naming.codeCommit(), "leavingOn", day(naming.leavingAt()).toString(), "namedBy", naming.namedBy());
        notifier.send(Notification.toUser(naming.successor(), MailKind.SUCCESSOR_NAMED, model));
        notifier.send(Notification.toUser(naming.predecessor(), MailKind.SUCCESSOR_NAMED_TO_PREDECESSOR, model));
    }

    private static LocalDate day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
