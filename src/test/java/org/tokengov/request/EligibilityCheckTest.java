package org.tokengov.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tokengov.identity.IdentityProperties;
import org.tokengov.identity.PeopleDirectory;
import org.tokengov.identity.Person;
import org.tokengov.identity.ServiceAccountRule;
import org.tokengov.identity.SponsorRule;
import org.tokengov.redcap.RedcapApi;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapProjectUser;
import org.tokengov.redcap.RedcapProperties;
import org.tokengov.redcap.TokenAdministrationMode;
import org.tokengov.registry.HolderBans;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.RequestStatus;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.registry.TokenRegistry;

/** Each eligibility condition of the policy, and the reason the requester is given when it fails. */
class EligibilityCheckTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);

    PeopleDirectory people = mock(PeopleDirectory.class);
    HolderBans bans = mock(HolderBans.class);
    TokenRegistry registry = mock(TokenRegistry.class);
    RedcapApi redcap = mock(RedcapApi.class);
    Departures departures = mock(Departures.class);
    EligibilityCheck check;

    @BeforeEach
    void setUp() {
        RedcapProperties servers = new RedcapProperties(Map.of(
                RedcapEnvironment.QA, server(Map.of(201L, "steward-qa")),
                RedcapEnvironment.PROD, server(Map.of(101L, "steward-prod"))));
        ServiceAccountRule serviceAccounts = new ServiceAccountRule(new IdentityProperties("^svc[_-].*", "redcap-api-qa",
                "redcap-api-prod"));
        check = new EligibilityCheck(people, serviceAccounts, new SponsorRule(people, serviceAccounts), bans, registry,
                redcap, servers, departures, CLOCK);
        when(departures.departureBlocking(org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.anyLong()))
                .thenReturn(Optional.empty());
        when(people.find("alice")).thenReturn(Optional.of(internal("alice")));
        when(redcap.findProjectUser(RedcapEnvironment.PROD, 101, "alice")).thenReturn(Optional.of(projectUser(null)));
        when(redcap.findProjectUser(RedcapEnvironment.QA, 201, "alice")).thenReturn(Optional.of(projectUser(null)));
    }

    static Person internal(String username) {
        return new Person(username, username + "@example.org", username, true, false, false, null);
    }

    static Person external(String username, String sponsor) {
        return new Person(username, username + "@example.org", username, true, false, true, sponsor);
    }

    static RedcapProperties.Server server(Map<Long, String> stewardTokens) {
        return new RedcapProperties.Server(URI.create("http://redcap.invalid/api/"), TokenAdministrationMode.MANUAL,
                null, stewardTokens, null, null, null, null, null);
    }

    static RedcapProjectUser projectUser(LocalDate expiration) {
        return new RedcapProjectUser("alice", "alice@example.org", expiration, false, false, false, false);
    }

    EligibilityDecision decide(String username) {
        return check.decide(submitted(username, true));
    }

    /** The request as the ledger filed it. */
    static TokenRequestRecord submitted(String requester, boolean fairUseAccepted) {
        return new TokenRequestRecord("request-1", "REQ-2026-0001", requester, 101L, 201L, true, false, false, "SCHEDULED_EXPORT",
                "Nightly export of new visits for the dashboard.", "Nightly", 10, fairUseAccepted, RequestStatus.SUBMITTED,
                null, CLOCK.instant(), null, false, 0L);
    }

    @Test
    void anActiveProjectUserWithAcceptedPolicyIsEligible() {
        assertThat(decide("alice")).isEqualTo(EligibilityDecision.eligibleRequester());
    }

    @Test
    void policyMustBeAccepted() {
        assertThat(check.decide(submitted("alice", false)).reason()).contains("accept the REDCap API Fair Use Policy");
    }

    @Test
    void aPersonWhoLeftIsRefusedWithTheDeparturesReason() {
        when(departures.departureBlocking("alice", 101L)).thenReturn(Optional.of("'alice' left the organisation on 2026-05-01."));

        assertThat(decide("alice")).isEqualTo(EligibilityDecision.ineligible("'alice' left the organisation on 2026-05-01."));
    }

    @Test
    void serviceAccountsByPatternOrFlagAreRefused() {
        assertThat(decide("svc_etl").reason()).contains("is a service account");
        when(people.find("etl")).thenReturn(Optional.of(new Person("etl", null, "ETL", true, true, false, null)));
        assertThat(decide("etl").reason()).contains("is a service account");
    }

    @Test
    void unknownAndDisabledAccountsAreRefused() {
        when(people.find("ghost")).thenReturn(Optional.empty());
        assertThat(decide("ghost").reason()).isEqualTo("No account 'ghost' exists in the identity store.");
        when(people.find("gone")).thenReturn(Optional.of(new Person("gone", null, "Gone", false, false, false, null)));
        assertThat(decide("gone").reason()).isEqualTo("The account 'gone' is disabled.");
    }

    @Test
    void externalUserWithAnActiveInternalSponsorIsEligibleAndNamesTheSponsor() {
        when(people.find("alice")).thenReturn(Optional.of(external("alice", "pat")));
        when(people.find("pat")).thenReturn(Optional.of(internal("pat")));

        assertThat(decide("alice")).isEqualTo(EligibilityDecision.eligibleWithSponsor("pat"));
    }

    @Test
    void externalUserWithoutAValidSponsorIsRefused() {
        when(people.find("alice")).thenReturn(Optional.of(external("alice", null)));
        assertThat(decide("alice").reason()).contains("external user without a sponsor");

        when(people.find("alice")).thenReturn(Optional.of(external("alice", "alice")));
        assertThat(decide("alice").reason()).contains("cannot sponsor themselves");

        when(people.find("alice")).thenReturn(Optional.of(external("alice", "ghost")));
        when(people.find("ghost")).thenReturn(Optional.empty());
        assertThat(decide("alice").reason()).contains("sponsor 'ghost' of 'alice' does not exist");

        when(people.find("alice")).thenReturn(Optional.of(external("alice", "gone")));
        when(people.find("gone")).thenReturn(Optional.of(new Person("gone", null, "Gone", false, false, false, null)));
        assertThat(decide("alice").reason()).contains("is no longer active");

        when(people.find("alice")).thenReturn(Optional.of(external("alice", "erin")));
        when(people.find("erin")).thenReturn(Optional.of(external("erin", "pat")));
        assertThat(decide("alice").reason()).contains("is not an internal person");
    }

    @Test
    void permanentlyBannedHoldersAreRefused() {
        when(bans.find("alice")).thenReturn(Optional.of(new HolderBans.Ban("alice", Instant.parse("2026-01-05T00:00:00Z"),
                "Repeated performance impact")));
        assertThat(decide("alice").reason()).contains("permanently barred").contains("Repeated performance impact");
    }

    @Test
    void requesterMustBeAUserOfTheProductionProject() {
        when(redcap.findProjectUser(RedcapEnvironment.PROD, 101, "alice")).thenReturn(Optional.empty());
        assertThat(decide("alice").reason()).contains("not a user of REDCap production project 101");
    }

    @Test
    void projectAccessExpiringTodayIsRefusedAsREDCapRefusesItOnThatDay() {
        when(redcap.findProjectUser(RedcapEnvironment.PROD, 101, "alice"))
                .thenReturn(Optional.of(projectUser(LocalDate.of(2026, 6, 1))));
        assertThat(decide("alice").reason()).contains("access to REDCap production project 101 expired on 2026-06-01");

        when(redcap.findProjectUser(RedcapEnvironment.PROD, 101, "alice"))
                .thenReturn(Optional.of(projectUser(LocalDate.of(2026, 6, 2))));
        assertThat(decide("alice").eligible()).isTrue();
    }

    @Test
    void requesterMustBeAUserOfTheQaProject() {
        when(redcap.findProjectUser(RedcapEnvironment.QA, 201, "alice")).thenReturn(Optional.empty());
        assertThat(decide("alice").reason()).contains("not a user of REDCap QA project 201");
    }

    @Test
    void projectsWithoutAStewardTokenAreNotEnrolled() {
        TokenRequestRecord elsewhere = submitted("alice", true);
        elsewhere = new TokenRequestRecord(elsewhere.id(), elsewhere.number(), "alice", 999L, 201L, true, false, false, elsewhere.intendedUse(),
                elsewhere.usageDescription(), elsewhere.callSchedule(), 10, true, RequestStatus.SUBMITTED, null,
                elsewhere.submittedAt(), null, false, 0L);
        assertThat(check.decide(elsewhere).reason())
                .contains("production project 999 is not enrolled");
    }

    @Test
    void aSecondProductionTokenForTheSameProjectIsRefused() {
        when(registry.liveToken("alice", RedcapEnvironment.PROD, 101)).thenReturn(Optional.of(mock(IssuedToken.class)));
        assertThat(decide("alice").reason()).contains("already holds a production API token for project 101");
    }
}
