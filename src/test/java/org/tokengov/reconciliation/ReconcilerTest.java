package org.tokengov.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.TokenFingerprint;
import org.tokengov.redcap.TokenInRedcap;
import org.tokengov.redcap.TokenRights;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenState;

/** What counts as a difference between REDCap and the registry, and what does not. */
class ReconcilerTest {

    static final String VALUE_A = "A".repeat(32);
    static final String VALUE_B = "B".repeat(32);
    static final TokenRights EXPORT = new TokenRights(true, false, false);
    static final TokenRights NONE = new TokenRights(false, false, false);

    static TokenInRedcap inRedcap(long projectId, String username, String value, TokenRights rights) {
        return new TokenInRedcap(RedcapEnvironment.PROD, projectId, username, TokenFingerprint.of(value), rights, null);
    }

    static IssuedToken registered(String id, long projectId, String holder, TokenState state, String value) {
        return new IssuedToken(id, "r-" + id, holder, RedcapEnvironment.PROD, projectId, true, false, false, state,
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id.hashCode() & 0xffff),
                Instant.parse("2027-01-01T00:00:00Z"), null, value == null ? null : TokenFingerprint.of(value).sha256Hex(),
                null, null, 0L);
    }

    /** Without held tokens whose value a hold deleted. */
    static List<Finding> compare(List<TokenInRedcap> inRedcap, List<IssuedToken> registered, Set<Long> onboarded,
            Set<Reconciler.Key> issuing) {
        return Reconciler.compare(inRedcap, registered, onboarded, issuing, Set.of());
    }

    static List<Finding.Kind> kinds(List<Finding> findings) {
        return findings.stream().map(Finding::kind).toList();
    }

    @Test
    void aTokenAsRegisteredIsNoFindingWhateverTheCaseOfTheUsername() {
        List<Finding> findings = compare(List.of(inRedcap(101, "Alice", VALUE_A, EXPORT)),
                List.of(registered("t1", 101, "alice", TokenState.ACTIVE, VALUE_A)), Set.of(101L), Set.of());

        assertThat(findings).isEmpty();
    }

    @Test
    void aTokenNobodyRegisteredIsUnknownOnAReconciledProjectAndExistingOnANewOne() {
        List<Finding> findings = compare(List.of(inRedcap(101, "bob", VALUE_A, EXPORT),
                inRedcap(102, "bob", VALUE_B, EXPORT)), List.of(), Set.of(101L), Set.of());

        assertThat(findings).extracting(Finding::kind, f -> f.inRedcap().projectId())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Finding.Kind.UNKNOWN, 101L),
                        org.assertj.core.groups.Tuple.tuple(Finding.Kind.EXISTING, 102L));
    }

    @Test
    void aSuperTokenNobodyRegisteredIsAlwaysUnknown() {
        List<Finding> findings = compare(List.of(inRedcap(0, "ada", "C".repeat(64), new TokenRights(true, true, true))),
                List.of(), Set.of(), Set.of());

        assertThat(kinds(findings)).containsExactly(Finding.Kind.UNKNOWN);
        assertThat(findings.get(0).superToken()).isTrue();
    }

    @Test
    void aTokenBeingIssuedIsLeftToTheIssuance() {
        assertThat(compare(List.of(inRedcap(101, "bob", VALUE_A, EXPORT)), List.of(), Set.of(101L),
                Set.of(new Reconciler.Key("PROD", 101, "bob")))).isEmpty();
    }

    @Test
    void anotherValueIsAChangeAndAMissingFingerprintIsLearned() {
        List<Finding> findings = compare(
                List.of(inRedcap(101, "alice", VALUE_B, EXPORT), inRedcap(101, "bob", VALUE_A, EXPORT)),
                List.of(registered("t1", 101, "alice", TokenState.ACTIVE, VALUE_A),
                        registered("t2", 101, "bob", TokenState.ACTIVE, null)), Set.of(101L), Set.of());

        assertThat(kinds(findings)).containsExactlyInAnyOrder(Finding.Kind.CHANGED, Finding.Kind.FINGERPRINT_LEARNED);
    }

    @Test
    void aRevokedTokenWorkingAgainIsRevivedEvenOnAnIssuanceOfAnotherUser() {
        List<Finding> findings = compare(List.of(inRedcap(101, "alice", VALUE_B, EXPORT)),
                List.of(registered("t1", 101, "alice", TokenState.REVOKED, VALUE_A)), Set.of(101L),
                Set.of(new Reconciler.Key("PROD", 101, "bob")));

        assertThat(kinds(findings)).containsExactly(Finding.Kind.REVIVED);
        assertThat(findings.get(0).registered().id()).isEqualTo("t1");
    }

    @Test
    void aHeldTokenIsOnlyAFindingWhenItsRightsCameBack() {
        IssuedToken held = registered("t1", 101, "alice", TokenState.SUSPENDED, VALUE_A);
        assertThat(compare(List.of(inRedcap(101, "alice", VALUE_A, NONE)), List.of(held), Set.of(101L), Set.of()))
                .isEmpty();
        assertThat(kinds(compare(List.of(inRedcap(101, "alice", VALUE_A, EXPORT)), List.of(held), Set.of(101L),
                Set.of()))).containsExactly(Finding.Kind.HOLD_UNDONE);
    }

    @Test
    void aTokenWhoseValueAHoldDeletedIsHeldUndoneByAnyValueWhateverItsRights() {
        IssuedToken held = registered("t1", 101, "alice", TokenState.SUSPENDED, VALUE_A);

        assertThat(kinds(Reconciler.compare(List.of(inRedcap(101, "alice", VALUE_B, NONE)), List.of(held), Set.of(101L),
                Set.of(), Set.of("t1")))).containsExactly(Finding.Kind.HOLD_UNDONE);
        assertThat(Reconciler.compare(List.of(), List.of(held), Set.of(101L), Set.of(), Set.of("t1")))
                .as("its value gone, as the hold left it").isEmpty();
    }

    @Test
    void aWorkingTokenGoneFromRedcapIsMissingButAHeldOneMayBeGone() {
        List<Finding> findings = compare(List.of(),
                List.of(registered("t1", 101, "alice", TokenState.ACTIVE, VALUE_A),
                        registered("t2", 101, "bob", TokenState.SUSPENDED, VALUE_B),
                        registered("t3", 101, "carol", TokenState.FOUND, VALUE_B),
                        registered("t4", 101, "dan", TokenState.REVOKED, VALUE_B)), Set.of(101L), Set.of());

        assertThat(findings).extracting(f -> f.registered().id()).containsExactlyInAnyOrder("t1", "t3");
        assertThat(kinds(findings)).containsOnly(Finding.Kind.MISSING);
    }

    @Test
    void ofTwoWorkingEntriesForOneUserTheOneRedcapHoldsStandsAndTheOtherIsGone() {
        List<Finding> findings = compare(List.of(inRedcap(201, "alice", VALUE_B, EXPORT)),
                List.of(registered("found", 201, "alice", TokenState.FOUND, VALUE_A),
                        registered("issued", 201, "alice", TokenState.QA_ACTIVE, VALUE_B)), Set.of(201L), Set.of());

        assertThat(kinds(findings)).containsExactly(Finding.Kind.MISSING);
        assertThat(findings.get(0).registered().id()).isEqualTo("found");
    }

    @Test
    void comparingAgainGivesTheSameFindingsAsLongAsNothingChanged() {
        List<TokenInRedcap> redcap = List.of(inRedcap(101, "bob", VALUE_A, EXPORT));
        List<IssuedToken> registry = List.of(registered("t1", 101, "alice", TokenState.ACTIVE, VALUE_B));

        assertThat(compare(redcap, registry, Set.of(101L), Set.of()))
                .isEqualTo(compare(redcap, registry, Set.of(101L), Set.of()));
    }
}
