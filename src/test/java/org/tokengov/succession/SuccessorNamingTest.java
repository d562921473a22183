package org.tokengov.succession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.identity.PeopleDirectory;
import org.tokengov.identity.Person;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notifier;
import org.tokengov.offboarding.OffboardingEvent;
import org.tokengov.offboarding.OffboardingEvents;
import org.tokengov.offboarding.OffboardingOutcome;
import org.tokengov.redcap.ProjectPis;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;
import org.tokengov.request.Departures;
import org.tokengov.request.Succession;
import org.tokengov.succession.NamingRefused.Kind;

/** The naming rules: who names, before which date, whom, for which token; a refusal stores and sends nothing. */
class SuccessorNamingTest {

    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    static final Instant LEAVES = Instant.parse("2026-12-31T00:00:00Z");

    TokenRegistry registry = mock(TokenRegistry.class);
    ProjectPis pis = mock(ProjectPis.class);
    PeopleDirectory people = mock(PeopleDirectory.class);
    Departures departures = mock(Departures.class);
    OffboardingEvents offboardings = mock(OffboardingEvents.class);
    ReviewedCodes reviewedCodes = mock(ReviewedCodes.class);
    SuccessorNamings namings = mock(SuccessorNamings.class);
    AuditTrail audit = mock(AuditTrail.class);
    Notifier notifier = mock(Notifier.class);
    SuccessorNaming naming = new SuccessorNaming(registry, pis, people, mock(IdentityService.class), departures, offboardings, reviewedCodes, namings,
            audit, notifier, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void aLeaverWithAReviewedProductionToken() {
        when(registry.find("olgas-token")).thenReturn(Optional.of(token("olgas-token", RedcapEnvironment.PROD, TokenState.ACTIVE)));
        when(registry.find("olgas-qa-token")).thenReturn(Optional.of(token("olgas-qa-token", RedcapEnvironment.QA, TokenState.QA_ACTIVE)));
        when(pis.isPi("pat", RedcapEnvironment.PROD, 101L)).thenReturn(true);
        when(people.find("sven")).thenReturn(Optional.of(person("sven", true)));
        when(people.find("olga")).thenReturn(Optional.of(person("olga", true)));
        when(departures.departureBlocking(anyString(), anyLong())).thenReturn(Optional.empty());
        when(offboardings.nextDeparture("olga", 101L)).thenReturn(Optional.of(departure(LEAVES)));
        when(reviewedCodes.of(any())).thenReturn(Optional.of(new ReviewedCode("https://git.example.org/lab/sync", "9c1e2d7",
                "sam", Instant.parse("2026-05-01T12:00:00Z"))));
    }

    @Test
    void thePiNamesASuccessorBeforeTheRecordedLeavingDate() {
        Succession named = naming.name(new SuccessorNaming.Request("olgas-token", "sven", null, "pat", false));

        assertThat(named.predecessor()).isEqualTo("olga");
        assertThat(named.successor()).isEqualTo("sven");
        assertThat(named.leavingAt()).isEqualTo(LEAVES);
        assertThat(named.codeRepositoryUrl()).isEqualTo("https://git.example.org/lab/sync");
        assertThat(named.codeCommit()).isEqualTo("9c1e2d7");
        verify(namings).add(eq(named), eq("olgas-request"), eq(NOW));
        verify(audit).record(eq("pat"), eq(AuditAction.SUCCESSOR_NAMED), eq("olgas-request"), eq("olgas-token"), anyString());
        verify(notifier).send(argThat(mail -> mail.kind() == MailKind.SUCCESSOR_NAMED
                && mail.usernames().equals(List.of("sven"))));
        verify(notifier).send(argThat(mail -> mail.kind() == MailKind.SUCCESSOR_NAMED_TO_PREDECESSOR
                && mail.usernames().equals(List.of("olga"))));
    }

    @Test
    void someoneWhoIsNotTheProjectsPiIsRefused() {
        assertRefused(new SuccessorNaming.Request("olgas-token", "sven", null, "alice", false), Kind.NOT_ALLOWED,
                "Only the project's PI");
    }

    @Test
    void anAdministratorMayName() {
        assertThat(naming.name(new SuccessorNaming.Request("olgas-token", "sven", null, "ada", true)).namedBy()).isEqualTo("ada");
    }

    @Test
    void afterTheLeavingDateItIsTooLate() {
        when(departures.departureBlocking("olga", 101L)).thenReturn(Optional.of("'olga' left REDCap project 101 on 2026-12-01"));
        assertRefused(new SuccessorNaming.Request("olgas-token", "sven", null, "pat", false), Kind.CONFLICT,
                "Too late to name a successor: 'olga' left REDCap project 101");
    }

    @Test
    void theSuccessorMustBeAnotherPerson() {
        assertRefused(new SuccessorNaming.Request("olgas-token", "OLGA", null, "pat", false), Kind.INVALID,
                "The successor must be another person than olga");
    }

    @Test
    void anUnknownOrDisabledOrMissingSuccessorIsRefused() {
        when(people.find("ghost")).thenReturn(Optional.empty());
        when(people.find("gone")).thenReturn(Optional.of(person("gone", false)));
        assertRefused(new SuccessorNaming.Request("olgas-token", "ghost", null, "pat", false), Kind.INVALID, "No account 'ghost'");
        assertRefused(new SuccessorNaming.Request("olgas-token", "gone", null, "pat", false), Kind.INVALID, "is disabled");
        assertRefused(new SuccessorNaming.Request("olgas-token", " ", null, "pat", false), Kind.INVALID, "Give the successor's username");
        assertRefused(new SuccessorNaming.Request("olgas-token", "sv\u0000en", null, "pat", false), Kind.INVALID,
                "without control characters");
    }

    @Test
    void anUnknownTokenIsNotFound() {
        when(registry.find("nope")).thenReturn(Optional.empty());
        assertRefused(new SuccessorNaming.Request("nope", "sven", null, "pat", false), Kind.UNKNOWN_TOKEN, "No token nope.");
    }

    @Test
    void onlyLiveProductionTokensHaveSuccessors() {
        assertRefused(new SuccessorNaming.Request("olgas-qa-token", "sven", null, "pat", false), Kind.INVALID,
                "Successors are named for production project tokens");
        when(registry.find("revoked")).thenReturn(Optional.of(token("revoked", RedcapEnvironment.PROD, TokenState.REVOKED)));
        assertRefused(new SuccessorNaming.Request("revoked", "sven", null, "pat", false), Kind.CONFLICT, "is REVOKED");
    }

    @Test
    void withoutARecordedDepartureThePiGivesTheDateWhichIsRecordedAsTheirReport() {
        when(offboardings.nextDeparture("olga", 101L)).thenReturn(Optional.empty());
        assertRefused(new SuccessorNaming.Request("olgas-token", "sven", null, "pat", false), Kind.INVALID,
                "No leaving date is recorded for olga on project 101: give it as leavingOn");
        assertRefused(new SuccessorNaming.Request("olgas-token", "sven", LocalDate.parse("2026-12-06"), "pat", false),
                Kind.INVALID, "leavingOn must be a day after today");

        Succession named = naming.name(new SuccessorNaming.Request("olgas-token", "sven", LocalDate.parse("2027-01-15"),
                "pat", false));

        assertThat(named.leavingAt()).isEqualTo(Instant.parse("2027-01-15T00:00:00Z"));
        verify(offboardings).record(eq("olga"), eq("PI_REPORT"), anyString(), eq(OffboardingEvent.LEFT_PROJECT), eq(101L),
                eq(Instant.parse("2027-01-15T00:00:00Z")));
    }

    @Test
    void aPiDateThatContradictsTheRecordedOneIsRefused() {
        assertRefused(new SuccessorNaming.Request("olgas-token", "sven", LocalDate.parse("2027-02-01"), "pat", false),
                Kind.INVALID, "olga's leaving date is recorded as 2026-12-31");
    }

    @Test
    void oneUnusedNamingPerTokenAndPerSuccessorOnAProject() {
        Succession earlier = new Succession("n1", "olga", "bob", 101L, "olgas-token", "https://x", "9c1e2d7", "sam", NOW,
                "pat", LEAVES);
        when(namings.unusedForToken("olgas-token")).thenReturn(Optional.of(earlier));
        assertRefused(new SuccessorNaming.Request("olgas-token", "sven", null, "pat", false), Kind.CONFLICT,
                "A successor is already named for token olgas-token");

        when(namings.unusedForToken("olgas-token")).thenReturn(Optional.empty());
        when(namings.unusedFor("sven", 101L)).thenReturn(Optional.of(earlier));
        assertRefused(new SuccessorNaming.Request("olgas-token", "sven", null, "pat", false), Kind.CONFLICT,
                "'sven' is already named successor on project 101");
    }

    @Test
    void aTokenWithoutAnApprovedReviewHasNoCodeToHandOver() {
        when(reviewedCodes.of(any())).thenReturn(Optional.empty());
        assertRefused(new SuccessorNaming.Request("olgas-token", "sven", null, "pat", false), Kind.CONFLICT,
                "has no approved code review in the ledger");
    }

    private void assertRefused(SuccessorNaming.Request request, Kind kind, String message) {
        assertThatThrownBy(() -> naming.name(request)).isInstanceOf(NamingRefused.class).hasMessageContaining(message)
                .satisfies(refused -> assertThat(((NamingRefused) refused).kind()).isEqualTo(kind));
        verify(namings, never()).add(any(), any(), any());
        verify(notifier, never()).send(any());
        verify(offboardings, never()).record(anyString(), anyString(), anyString(), anyString(), any(), any());
    }

    private static IssuedToken token(String id, RedcapEnvironment environment, TokenState state) {
        return new IssuedToken(id, "olgas-request", "olga", environment, environment == RedcapEnvironment.PROD ? 101L : 201L,
                true, false, false, state, NOW.minusSeconds(86_400 * 200L), NOW.plusSeconds(86_400 * 100L), null,
                "f".repeat(64), null, null, 1L);
    }

    private static Person person(String username, boolean active) {
        return new Person(username, username + "@example.org", username, active, false, false, null);
    }

    private static OffboardingEvent departure(Instant effectiveAt) {
        return new OffboardingEvent("event-1", "olga", "HR_WEBHOOK", "contract ends", OffboardingEvent.LEFT_PROJECT, 101L,
                NOW, effectiveAt, OffboardingOutcome.WAITING, null, null);
    }
}
