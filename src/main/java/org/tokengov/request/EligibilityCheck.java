package org.tokengov.request;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tokengov.identity.PeopleDirectory;
import org.tokengov.identity.Person;
import org.tokengov.identity.ServiceAccountRule;
import org.tokengov.identity.SponsorRule;
import org.tokengov.redcap.RedcapApi;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapProjectUser;
import org.tokengov.redcap.RedcapProperties;
import org.tokengov.registry.HolderBans;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenRequestRecord;

/**
 * The policy's conditions for a token, checked in order; the first one that fails is the reason given.
 * REDCap outages are not decisions: they propagate, so the step is retried and then becomes an incident.
 */
@Service
class EligibilityCheck {

    private final PeopleDirectory people;
    private final ServiceAccountRule serviceAccounts;
    private final SponsorRule sponsors;
    private final HolderBans bans;
    private final TokenRegistry registry;
    private final RedcapApi redcap;
    private final RedcapProperties servers;
    private final Departures departures;
    private final Clock clock;

    EligibilityCheck(PeopleDirectory people, ServiceAccountRule serviceAccounts, SponsorRule sponsors, HolderBans bans,
            TokenRegistry registry, RedcapApi redcap, RedcapProperties servers, Departures departures, Clock clock) {
        this.people = people;
        this.serviceAccounts = serviceAccounts;
        this.sponsors = sponsors;
        this.bans = bans;
        this.registry = registry;
        this.redcap = redcap;
        this.servers = servers;
        this.departures = departures;
        this.clock = clock;
    }

    EligibilityDecision decide(TokenRequestRecord request) {
        if (!request.fairUseAccepted()) {
            return EligibilityDecision.ineligible("You must read and accept the REDCap API Fair Use Policy before a token can be issued.");
        }
        String username = request.requester();
        Optional<Person> person = people.find(username);
        if (serviceAccounts.isServiceAccount(username, person.orElse(null))) {
            return EligibilityDecision.ineligible("'" + username + "' is a service account. The Fair Use Policy does not permit "
                    + "API tokens for service accounts in any REDCap environment; request the token with your personal account.");
        }
        if (person.isEmpty()) {
            return EligibilityDecision.ineligible("No account '" + username + "' exists in the identity store.");
        }
        if (!person.get().active()) {
            return EligibilityDecision.ineligible("The account '" + username + "' is disabled.");
        }
        Optional<String> departure = departures.departureBlocking(username, request.productionProjectId());
        if (departure.isPresent()) {
            return EligibilityDecision.ineligible(departure.get());
        }
        if (person.get().external()) {
            Optional<String> sponsorProblem = sponsors.problem(username, person.get().sponsor());
            if (sponsorProblem.isPresent()) {
                return EligibilityDecision.ineligible(sponsorProblem.get());
            }
        }
        Optional<HolderBans.Ban> ban = bans.find(username);
        if (ban.isPresent()) {
            return EligibilityDecision.ineligible("'" + username + "' is permanently barred from REDCap API tokens since "
                    + ban.get().bannedAt() + ": " + ban.get().reason());
        }
        Optional<String> productionProblem = projectUserProblem(RedcapEnvironment.PROD, request.productionProjectId(), username);
        if (productionProblem.isPresent()) {
            return EligibilityDecision.ineligible(productionProblem.get());
        }
        Optional<String> qaProblem = projectUserProblem(RedcapEnvironment.QA, request.qaProjectId(), username);
        if (qaProblem.isPresent()) {
            return EligibilityDecision.ineligible(qaProblem.get());
        }
        if (registry.liveToken(username, RedcapEnvironment.PROD, request.productionProjectId()).isPresent()) {
            return EligibilityDecision.ineligible("'" + username + "' already holds a production API token for project "
                    + request.productionProjectId() + ". Report a change of code instead of requesting a second token.");
        }
        return person.get().external() ? EligibilityDecision.eligibleWithSponsor(person.get().sponsor())
                : EligibilityDecision.eligibleRequester();
    }

    private Optional<String> projectUserProblem(RedcapEnvironment environment, long projectId, String username) {
        String where = (environment == RedcapEnvironment.PROD ? "production" : "QA") + " project " + projectId;
        if (!servers.server(environment).isEnrolled(projectId)) {
            return Optional.of("REDCap " + where + " is not enrolled in API token governance yet. "
                    + "Ask the REDCap administrators to enrol it.");
        }
        Optional<RedcapProjectUser> user = redcap.findProjectUser(environment, projectId, username);
        if (user.isEmpty()) {
            return Optional.of("'" + username + "' is not a user of REDCap " + where
                    + ". Ask the project's PI to add you to the project first.");
        }
        LocalDate today = LocalDate.now(clock);
        if (!user.get().activeOn(today)) {
            return Optional.of("Your access to REDCap " + where + " expired on " + user.get().expiration()
                    + ". Ask the project's PI to renew it first.");
        }
        return Optional.empty();
    }
}
