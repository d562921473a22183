package org.tokengov.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapProjectUser;
import org.tokengov.redcaplog.TokenEventInRedcap;
import org.tokengov.redcaplog.TokenEventKind;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenState;

/** What the manual (API) mode makes of REDCap's token events and user export, rule by rule. */
class ManualModeComparisonTest {

    static final RedcapEnvironment QA = RedcapEnvironment.QA;
    static final Instant ISSUED = Instant.parse("2026-11-02T14:00:30Z");
    static final Instant LATER = ISSUED.plus(Duration.ofDays(3));
    static final ManualModeComparison.OwnDoings NOTHING_OF_OURS =
            new ManualModeComparison.OwnDoings(Set.of(), Map.of(), Set.of(), Set.of());

    long nextEvent = 1;

    @Test
    void aTokenMadeForSomeoneWithoutOneIsFoundAsUnknownOnAReconciledProjectAndAsExistingOnANewOne() {
        TokenEventInRedcap made = event(201, "bob", TokenEventKind.CREATED, LATER);

        assertThat(kinds(compare(List.of(made), List.of(), Set.of(201L)))).containsExactly(ManualModeFinding.Kind.UNKNOWN);
        assertThat(kinds(compare(List.of(made), List.of(), Set.of()))).containsExactly(ManualModeFinding.Kind.EXISTING);
    }

    @Test
    void theFoundTokensHolderIsSpelledAsRedcapsUserExportSpellsIt() {
        List<ManualModeFinding> findings = ManualModeComparison.compare(QA,
                List.of(event(201, "BOB", TokenEventKind.CREATED, LATER)), List.of(),
                Map.of(201L, List.of(user("bob", true, false))), Set.of(201L), NOTHING_OF_OURS);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.holder()).isEqualTo("bob");
            assertThat(finding.user().apiExport()).isTrue();
        });
    }

    @Test
    void theCreationOfATokenThisSystemRegisteredAfterwardsIsOurOwn() {
        IssuedToken issued = token("t1", "alice", TokenState.QA_ACTIVE, ISSUED);
        // The API's log shows 14:00 for a token made at 14:00:50, registered half a minute before that minute ended.
        TokenEventInRedcap madeByTheAdministrator = event(201, "alice", TokenEventKind.CREATED,
                Instant.parse("2026-11-02T14:00:00Z"));
        TokenEventInRedcap madeTheDayBefore = event(201, "alice", TokenEventKind.CREATED, ISSUED.minus(Duration.ofDays(1)));

        assertThat(compare(List.of(madeByTheAdministrator, madeTheDayBefore), List.of(issued), Set.of(201L))).isEmpty();
    }

    @Test
    void aTokenBeingIssuedNowIsNotFound() {
        ManualModeComparison.OwnDoings issuing = new ManualModeComparison.OwnDoings(
                Set.of(new Reconciler.Key("QA", 201, "alice")), Map.of(), Set.of(), Set.of());

        assertThat(ManualModeComparison.compare(QA, List.of(event(201, "Alice", TokenEventKind.CREATED, LATER)),
                List.of(), Map.of(), Set.of(201L), issuing)).isEmpty();
    }

    @Test
    void aRegisteredTokenRegeneratedOrMadeAnewOutsideIsFlaggedAsChanged() {
        IssuedToken live = token("t1", "alice", TokenState.ACTIVE, ISSUED);

        assertThat(kinds(compare(List.of(event(201, "alice", TokenEventKind.REGENERATED, LATER)), List.of(live),
                Set.of(201L)))).containsExactly(ManualModeFinding.Kind.CHANGED);
        assertThat(kinds(compare(List.of(event(201, "alice", TokenEventKind.CREATED, LATER)), List.of(live),
                Set.of(201L)))).containsExactly(ManualModeFinding.Kind.CHANGED);
    }

    @Test
    void aRegenerationThisSystemAskedForIsNotAChange() {
        IssuedToken live = token("t1", "alice", TokenState.ACTIVE, ISSUED);
        TokenEventInRedcap regenerated = event(201, "alice", TokenEventKind.REGENERATED, LATER);
        ManualModeComparison.OwnDoings recordedAfterwards = new ManualModeComparison.OwnDoings(Set.of(),
                Map.of("t1", List.of(LATER.plusSeconds(600))), Set.of(), Set.of());
        ManualModeComparison.OwnDoings beingDone = new ManualModeComparison.OwnDoings(Set.of(), Map.of(), Set.of("t1"),
                Set.of());
        ManualModeComparison.OwnDoings recordedLongBefore = new ManualModeComparison.OwnDoings(Set.of(),
                Map.of("t1", List.of(ISSUED.plusSeconds(60))), Set.of(), Set.of());

        assertThat(ManualModeComparison.compare(QA, List.of(regenerated), List.of(live), Map.of(), Set.of(201L),
                recordedAfterwards)).isEmpty();
        assertThat(ManualModeComparison.compare(QA, List.of(regenerated), List.of(live), Map.of(), Set.of(201L),
                beingDone)).isEmpty();
        assertThat(kinds(ManualModeComparison.compare(QA, List.of(regenerated), List.of(live), Map.of(), Set.of(201L),
                recordedLongBefore))).containsExactly(ManualModeFinding.Kind.CHANGED);
    }

    @Test
    void aLiveTokenDeletedOutsideIsMissingWhileAPendingRevocationIsLeftToItsWorklist() {
        TokenEventInRedcap deleted = event(201, "alice", TokenEventKind.DELETED, LATER);

        assertThat(kinds(compare(List.of(deleted), List.of(token("t1", "alice", TokenState.SUSPENDED, ISSUED)),
                Set.of(201L)))).containsExactly(ManualModeFinding.Kind.MISSING);
        assertThat(compare(List.of(deleted), List.of(token("t1", "alice", TokenState.REVOCATION_PENDING, ISSUED)),
                Set.of(201L))).isEmpty();
        assertThat(compare(List.of(deleted), List.of(), Set.of(201L))).as("nothing registered, nothing lost").isEmpty();
    }

    @Test
    void aTokenAlreadyFoundOrAwaitingDeletionIsNotFoundTwice() {
        TokenEventInRedcap regenerated = event(201, "bob", TokenEventKind.REGENERATED, LATER);

        assertThat(compare(List.of(regenerated), List.of(token("f1", "bob", TokenState.FOUND, ISSUED)), Set.of(201L)))
                .isEmpty();
        assertThat(compare(List.of(regenerated), List.of(token("f1", "bob", TokenState.REVOCATION_PENDING, ISSUED)),
                Set.of(201L))).isEmpty();
        assertThat(kinds(compare(List.of(regenerated), List.of(token("r1", "bob", TokenState.REVOKED, ISSUED)),
                Set.of(201L)))).as("a revoked token's holder has a token again").containsExactly(
                        ManualModeFinding.Kind.UNKNOWN);
    }

    @Test
    void anEventWhoseUserTheLogDoesNotNameIsToldToAdministratorsAndARequestIsNoToken() {
        assertThat(kinds(compare(List.of(event(201, null, TokenEventKind.CREATED, LATER)), List.of(), Set.of(201L))))
                .containsExactly(ManualModeFinding.Kind.UNATTRIBUTED);
        assertThat(compare(List.of(event(201, "bob", TokenEventKind.REQUESTED, LATER)), List.of(), Set.of(201L)))
                .isEmpty();
    }

    @Test
    void rightsSwitchedOnAgainUndoAHoldOrAPendingRevocationButNotARoleMembersOrAnotherHold() {
        IssuedToken pending = token("p1", "alice", TokenState.REVOCATION_PENDING, ISSUED);
        IssuedToken held = token("h1", "bob", TokenState.SUSPENDED, ISSUED);
        IssuedToken heldByDeletion = token("h2", "carol", TokenState.SUSPENDED, ISSUED);
        ManualModeComparison.OwnDoings heldByRights = new ManualModeComparison.OwnDoings(Set.of(), Map.of(), Set.of(),
                Set.of("h1"));
        Map<Long, List<RedcapProjectUser>> rightsOn = Map.of(201L, List.of(user("alice", true, false),
                user("bob", false, true), user("carol", true, false)));

        assertThat(ManualModeComparison.compare(QA, List.of(), List.of(pending, held, heldByDeletion), rightsOn,
                Set.of(201L), heldByRights)).extracting(ManualModeFinding::kind, finding -> finding.registered().id())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ManualModeFinding.Kind.REVIVED, "p1"),
                        org.assertj.core.groups.Tuple.tuple(ManualModeFinding.Kind.HOLD_UNDONE, "h1"));

        Map<Long, List<RedcapProjectUser>> inARole = Map.of(201L, List.of(new RedcapProjectUser("alice", null, null,
                true, false, false, false, "Data managers")));
        assertThat(ManualModeComparison.compare(QA, List.of(), List.of(pending), inARole, Set.of(201L),
                NOTHING_OF_OURS)).isEmpty();
        assertThat(ManualModeComparison.compare(QA, List.of(), List.of(pending),
                Map.of(201L, List.of(user("alice", false, false))), Set.of(201L), NOTHING_OF_OURS)).isEmpty();
    }

    @Test
    void oneTokenGivesOneFindingEvenWhenItsEventAndItsRightsBothShowIt() {
        IssuedToken held = token("h1", "bob", TokenState.SUSPENDED, ISSUED);
        ManualModeComparison.OwnDoings heldByRights = new ManualModeComparison.OwnDoings(Set.of(), Map.of(), Set.of(),
                Set.of("h1"));

        assertThat(kinds(ManualModeComparison.compare(QA, List.of(event(201, "bob", TokenEventKind.REGENERATED, LATER)),
                List.of(held), Map.of(201L, List.of(user("bob", true, false))), Set.of(201L), heldByRights)))
                .containsExactly(ManualModeFinding.Kind.CHANGED);
    }

    @Test
    void aUsersLatestEventCountsSoATokenMadeAndDeletedSinceTheLastRunIsNoFindingAndTwoRegenerationsAreOne() {
        IssuedToken live = token("t1", "alice", TokenState.ACTIVE, ISSUED);
        List<TokenEventInRedcap> madeAndDeleted = List.of(event(201, "bob", TokenEventKind.CREATED, LATER),
                event(201, "bob", TokenEventKind.DELETED, LATER.plusSeconds(60)));
        List<TokenEventInRedcap> regeneratedTwice = List.of(event(201, "alice", TokenEventKind.REGENERATED, LATER),
                event(201, "alice", TokenEventKind.REGENERATED, LATER.plusSeconds(60)));
        List<TokenEventInRedcap> deletedAndMadeAgain = List.of(event(201, "alice", TokenEventKind.DELETED, LATER),
                event(201, "alice", TokenEventKind.CREATED, LATER.plusSeconds(60)));

        assertThat(compare(madeAndDeleted, List.of(), Set.of(201L))).isEmpty();
        assertThat(kinds(compare(regeneratedTwice, List.of(live), Set.of(201L))))
                .containsExactly(ManualModeFinding.Kind.CHANGED);
        assertThat(kinds(compare(deletedAndMadeAgain, List.of(live), Set.of(201L))))
                .containsExactly(ManualModeFinding.Kind.CHANGED);
    }

    private List<ManualModeFinding> compare(List<TokenEventInRedcap> events, List<IssuedToken> registered,
            Set<Long> onboarded) {
        return ManualModeComparison.compare(QA, events, registered, Map.of(), onboarded, NOTHING_OF_OURS);
    }

    private TokenEventInRedcap event(long projectId, String username, TokenEventKind kind, Instant at) {
        return new TokenEventInRedcap(nextEvent++, QA, projectId, username, username == null ? "ada" : username, kind, at);
    }

    private static IssuedToken token(String id, String holder, TokenState state, Instant issuedAt) {
        return new IssuedToken(id, "r-" + id, holder, QA, 201, true, false, false, state, issuedAt,
                issuedAt.plus(Duration.ofDays(365)), null, null, null, null, 0L);
    }

    private static RedcapProjectUser user(String username, boolean export, boolean importData) {
        return new RedcapProjectUser(username, null, null, export, importData, false, false);
    }

    private static List<ManualModeFinding.Kind> kinds(List<ManualModeFinding> findings) {
        return findings.stream().map(ManualModeFinding::kind).toList();
    }
}
