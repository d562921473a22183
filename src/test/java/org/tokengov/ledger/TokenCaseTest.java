package org.tokengov.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenState;

/**
 * The ledger's rules for giving a token its power back (reinstatement, regeneration, rights after a regeneration), and
 * for taking in a token found in REDCap and extending it.
 */
class TokenCaseTest {

    final List<LedgerEntry> entries = new ArrayList<>();
    TokenState state = TokenState.ACTIVE;

    TokenCaseTest gate(LedgerKind kind, String outcome, String actor) {
        return gate(kind, outcome, actor, null);
    }

    TokenCaseTest gate(LedgerKind kind, String outcome, String actor, String subject) {
        entries.add(new LedgerEntry(entries.size() + 1, CaseRef.token("t-1"), kind, outcome, actor, subject,
                Instant.parse("2026-03-01T10:00:00Z"), null, false));
        return this;
    }

    TokenCase token() {
        return new TokenCase(new IssuedToken("t-1", "r-1", "alice", RedcapEnvironment.PROD, 101L, true, false, false, state,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), null, null, null, null, 0L),
                entries);
    }

    @Test
    void aCompromiseIsOpenFromItsReportUntilANewValueIsIssuedInTheDatabaseOrByHand() {
        assertThat(token().compromiseOpen()).isFalse();
        gate(LedgerKind.COMPROMISE_REPORTED, null, "system");
        assertThat(token().compromiseOpen()).isTrue();
        gate(LedgerKind.REGENERATED, null, "system");
        assertThat(token().compromiseOpen()).isFalse();
        gate(LedgerKind.COMPROMISE_REPORTED, null, "alice");
        assertThat(token().compromiseOpen()).as("a new report after the new value").isTrue();
        gate(LedgerKind.REGENERATED_BY_HAND, null, "ada");
        assertThat(token().compromiseOpen()).isFalse();
    }

    @Test
    void aReinstatementNeedsAFixTestedReviewedAndApprovedAfterTheSuspension() {
        assertThat(token().missingForReinstatement()).contains("the token was not suspended");
        gate(LedgerKind.SUSPENDED, null, "ada");
        assertThat(token().missingForReinstatement()).contains("the holder has not re-tested a fix in QA since the suspension");
        gate(LedgerKind.FIX_TESTED, null, "alice");
        assertThat(token().missingForReinstatement()).contains("no API specialist approved the fix after its last QA test");
        gate(LedgerKind.FIX_REVIEW, "APPROVED", "sam");
        assertThat(token().missingForReinstatement())
                .contains("no REDCap administrator approved the reinstatement after the fix review");
        gate(LedgerKind.REINSTATEMENT_DECISION, "APPROVED", "ada");

        assertThat(token().missingForReinstatement()).isEmpty();
        assertThat(token().reinstatementApprover()).contains("ada");
    }

    @Test
    void aFixApprovedBeforeASecondSuspensionDoesNotCount() {
        gate(LedgerKind.SUSPENDED, null, "ada").gate(LedgerKind.FIX_TESTED, null, "alice")
                .gate(LedgerKind.FIX_REVIEW, "APPROVED", "sam").gate(LedgerKind.REINSTATEMENT_DECISION, "APPROVED", "ada")
                .gate(LedgerKind.SUSPENDED, null, "ada");

        assertThat(token().missingForReinstatement()).contains("the holder has not re-tested a fix in QA since the suspension");
    }

    @Test
    void theFixReviewerMayNotApproveTheReinstatementNorMayTheHolder() {
        gate(LedgerKind.SUSPENDED, null, "ada").gate(LedgerKind.FIX_TESTED, null, "alice")
                .gate(LedgerKind.FIX_REVIEW, "APPROVED", "rita").gate(LedgerKind.REINSTATEMENT_DECISION, "APPROVED", "rita");
        assertThat(token().missingForReinstatement()).contains("the reinstatement was approved by the holder or by a reviewer of the fix");
        assertThat(token().fixReviewers()).containsExactly("rita");

        gate(LedgerKind.REINSTATEMENT_DECISION, "APPROVED", "alice");
        assertThat(token().missingForReinstatement()).isPresent();
    }

    @Test
    void aRegenerationNeedsAReportSinceTheLastOneAndALiveToken() {
        assertThat(token().missingForRegeneration()).contains("nobody reported the token compromised since its last regeneration");
        gate(LedgerKind.COMPROMISE_REPORTED, null, "alice");
        assertThat(token().missingForRegeneration()).isEmpty();
        assertThat(token().compromiseReporter()).contains("alice");
        gate(LedgerKind.REGENERATED, null, "system");
        assertThat(token().missingForRegeneration()).isPresent();

        gate(LedgerKind.COMPROMISE_REPORTED, null, "ada");
        state = TokenState.REVOKED;
        assertThat(token().missingForRegeneration()).contains("the token is REVOKED");
    }

    @Test
    void rightsComeBackAfterARegenerationByHandOnlyWhenAnotherAdministratorConfirmedIt() {
        gate(LedgerKind.COMPROMISE_REPORTED, null, "alice");
        assertThat(token().missingForRestoreAfterRegeneration())
                .contains("no REDCap administrator confirmed the regeneration in the Control Center");
        gate(LedgerKind.REGENERATED_BY_HAND, null, "alice");
        assertThat(token().missingForRestoreAfterRegeneration()).isPresent();
        gate(LedgerKind.REGENERATED_BY_HAND, null, "ada");
        assertThat(token().missingForRestoreAfterRegeneration()).isEmpty();
    }

    @Test
    void changeReviewersCountFromTheLatestChangeReport() {
        gate(LedgerKind.CHANGE_REPORTED, null, "alice").gate(LedgerKind.CHANGE_REVIEW, "APPROVED", "sam")
                .gate(LedgerKind.CHANGE_REPORTED, null, "alice").gate(LedgerKind.CHANGE_REVIEW, "REJECTED", "rita");

        assertThat(token().changeReviewers()).containsExactly("rita");
    }

    @Test
    void aFoundTokenIsAdoptedOnlyByAnAdministratorWhoNeitherHoldsNorMadeIt() {
        state = TokenState.FOUND;
        assertThat(token().missingForAdoption()).contains("reconciliation did not record finding the token");
        gate(LedgerKind.FOUND, TokenCase.UNKNOWN, "system", "ada");
        assertThat(token().madeInRedcapBy()).contains("ada");
        assertThat(token().missingForAdoption()).contains("no REDCap administrator decided to adopt the token");
        gate(LedgerKind.FOUND_TOKEN_DECISION, TokenCase.REVOKE, "rita");
        assertThat(token().missingForAdoption()).contains("no REDCap administrator decided to adopt the token");
        gate(LedgerKind.FOUND_TOKEN_DECISION, TokenCase.ADOPT, "ada");
        assertThat(token().missingForAdoption())
                .contains("the adoption was decided by the holder or by the person who made the token");
        gate(LedgerKind.FOUND_TOKEN_DECISION, TokenCase.ADOPT, "ALICE");
        assertThat(token().missingForAdoption())
                .contains("the adoption was decided by the holder or by the person who made the token");
        gate(LedgerKind.FOUND_TOKEN_DECISION, TokenCase.ADOPT, "rita");

        assertThat(token().missingForAdoption()).isEmpty();
        assertThat(token().foundTokenDecider()).contains("rita");
    }

    @Test
    void anExistingTokenAtOnboardingNeedsNoDecisionButOnlyAFoundTokenIsAdopted() {
        state = TokenState.FOUND;
        gate(LedgerKind.FOUND, TokenCase.EXISTING, "system", null);
        assertThat(token().missingForAdoption()).isEmpty();

        state = TokenState.ACTIVE;
        assertThat(token().missingForAdoption()).contains("the token is ACTIVE, not found by reconciliation");
    }

    @Test
    void anAdoptedTokenIsExtendedOnlyAfterAReviewApprovedSinceTheAdoption() {
        assertThat(token().missingForExtension()).as("an issued token").isEmpty();
        gate(LedgerKind.CHANGE_REVIEW, "APPROVED", "sam");
        gate(LedgerKind.ADOPTED, null, "rita");
        String unreviewed = "the adopted token's code has not been reviewed and approved since its adoption";
        assertThat(token().missingForExtension()).as("approved before the adoption").contains(unreviewed);
        gate(LedgerKind.CHANGE_REVIEW, "CHANGES_REQUESTED", "sam");
        assertThat(token().missingForExtension()).contains(unreviewed);
        gate(LedgerKind.CHANGE_REVIEW, "APPROVED", "alice");
        assertThat(token().missingForExtension()).as("approved by the holder").contains(unreviewed);
        gate(LedgerKind.CHANGE_REVIEW, "APPROVED", "sam");

        assertThat(token().missingForExtension()).isEmpty();
    }
}
