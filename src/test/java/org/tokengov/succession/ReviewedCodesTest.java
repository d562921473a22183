package org.tokengov.succession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerEntry;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenState;

/** The reviewed code a successor takes over is the one an API specialist approved last, with the test it approved. */
class ReviewedCodesTest {

    static final Instant DAY = Instant.parse("2026-05-01T12:00:00Z");
    static final IssuedToken TOKEN = new IssuedToken("t1", "r1", "olga", RedcapEnvironment.PROD, 101L, true, false, false,
            TokenState.ACTIVE, DAY, DAY.plusSeconds(86_400 * 365L), null, "f".repeat(64), null, null, 1L);

    Ledger ledger = mock(Ledger.class);
    ReviewedCodes codes = new ReviewedCodes(ledger);

    @Test
    void theRequestsApprovedReviewWithTheTestItApproved() {
        requestEntries(tested(1, "https://git.example.org/a", "aaaaaaa"), review(2, "CHANGES_REQUESTED", "sam"),
                tested(3, "https://git.example.org/a", "bbbbbbb"), review(4, "APPROVED", "rita"));
        tokenEntries();

        assertThat(codes.of(TOKEN)).hasValue(new ReviewedCode("https://git.example.org/a", "bbbbbbb", "rita", DAY.plusSeconds(4)));
    }

    @Test
    void anApprovedCodeChangeAfterProductionWinsAndAnUnapprovedOneDoesNot() {
        requestEntries(tested(1, "https://git.example.org/a", "aaaaaaa"), review(2, "APPROVED", "sam"));
        tokenEntries(entry(10, LedgerKind.CHANGE_TESTED, null, "olga", qa("https://git.example.org/a", "ccccccc")),
                entry(11, LedgerKind.CHANGE_REVIEW, "APPROVED", "rita", null),
                entry(12, LedgerKind.CHANGE_TESTED, null, "olga", qa("https://git.example.org/a", "ddddddd")),
                entry(13, LedgerKind.CHANGE_REVIEW, "REJECTED", "sam", "no"));

        assertThat(codes.of(TOKEN)).hasValueSatisfying(code -> {
            assertThat(code.commit()).isEqualTo("ccccccc");
            assertThat(code.reviewedBy()).isEqualTo("rita");
        });
    }

    @Test
    void noApprovalOrABackfilledTestWithoutRepositoryIsNoReviewedCode() {
        requestEntries(tested(1, "https://git.example.org/a", "aaaaaaa"), review(2, "REJECTED", "sam"));
        tokenEntries();
        assertThat(codes.of(TOKEN)).isEmpty();

        requestEntries(entry(1, LedgerKind.QA_TESTED, null, "olga", "repository somewhere, tested"), review(2, "APPROVED", "sam"));
        assertThat(codes.of(TOKEN)).isEmpty();
    }

    private void requestEntries(LedgerEntry... entries) {
        when(ledger.entries(CaseRef.request("r1"))).thenReturn(List.of(entries));
    }

    private void tokenEntries(LedgerEntry... entries) {
        when(ledger.entries(CaseRef.token("t1"))).thenReturn(List.of(entries));
    }

    private static LedgerEntry tested(long id, String repository, String commit) {
        return entry(id, LedgerKind.QA_TESTED, null, "olga", qa(repository, commit));
    }

    private static LedgerEntry review(long id, String outcome, String reviewer) {
        return entry(id, LedgerKind.CODE_REVIEW, outcome, reviewer, null);
    }

    private static String qa(String repository, String commit) {
        return "{\"repository\":\"" + repository + "\",\"commit\":\"" + commit + "\",\"summary\":\"Ran it in QA for a week.\"}";
    }

    private static LedgerEntry entry(long id, LedgerKind kind, String outcome, String actor, String details) {
        return new LedgerEntry(id, CaseRef.request("x"), kind, outcome, actor, null, DAY.plusSeconds(id), details, false);
    }
}
