package org.tokengov.reconciliation;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tokengov.identity.PeopleDirectory;
import org.tokengov.identity.Person;
import org.tokengov.identity.ServiceAccountRule;
import org.tokengov.identity.SponsorRule;
import org.tokengov.ledger.TokenCase;
import org.tokengov.lifecycle.RevocationReason;
import org.tokengov.registry.HolderBans;
import org.tokengov.request.Departures;

/**
 * Whether the holder of a found token may hold one at all, from the app's own records and the identity store: the
 * same conditions a request must meet, read for a token that skipped them.
 */
@Component
class HolderStanding {

    /** The verdict, the reason a revocation is recorded with, and why, in words for the audit trail and the mails. */
    record Standing(FoundTokenVerdict verdict, RevocationReason reason, String why) {
    }

    private final PeopleDirectory people;
    private final ServiceAccountRule serviceAccounts;
    private final SponsorRule sponsors;
    private final HolderBans bans;
    private final Departures departures;

    HolderStanding(PeopleDirectory people, ServiceAccountRule serviceAccounts, SponsorRule sponsors, HolderBans bans,
            Departures departures) {
        this.people = people;
        this.serviceAccounts = serviceAccounts;
        this.sponsors = sponsors;
        this.bans = bans;
        this.departures = departures;
    }

    Standing of(TokenCase found) {
        return of(found.holder(), found.token().projectId(), found.foundAs().filter(TokenCase.EXISTING::equals).isPresent());
    }

    /** {@code existing}: found at the project's onboarding rather than made behind the system's back. */
    Standing of(String holder, long projectId, boolean existing) {
        Optional<HolderBans.Ban> ban = bans.find(holder);
        if (ban.isPresent()) {
            return revokeNow(RevocationReason.PERMANENT_BAN, "'" + holder + "' is permanently barred from API tokens: "
                    + ban.get().reason());
        }
        Optional<Person> person = people.find(holder);
        if (serviceAccounts.isServiceAccount(holder, person.orElse(null))) {
            return new Standing(FoundTokenVerdict.REVOKE_AT_CUTOVER, RevocationReason.SERVICE_ACCOUNT,
                    "'" + holder + "' is a service account: the policy gives service accounts no API token");
        }
        if (person.isEmpty() || !person.get().active()) {
            return revokeNow(RevocationReason.OFFBOARDING, "'" + holder + "' has no active account in the identity store");
        }
        Optional<String> departure = departures.departureBlocking(holder, projectId);
        if (departure.isPresent()) {
            return revokeNow(RevocationReason.OFFBOARDING, departure.get());
        }
        if (person.get().external()) {
            Optional<String> sponsorProblem = sponsors.problem(holder, person.get().sponsor());
            if (sponsorProblem.isPresent()) {
                return revokeNow(RevocationReason.SPONSOR_LEFT, sponsorProblem.get());
            }
        }
        return existing ? new Standing(FoundTokenVerdict.ADOPT, null, "an existing token at onboarding")
                : new Standing(FoundTokenVerdict.DECIDE, null, "made in REDCap outside this system");
    }

    private static Standing revokeNow(RevocationReason reason, String why) {
        return new Standing(FoundTokenVerdict.REVOKE_NOW, reason, why);
    }
}
