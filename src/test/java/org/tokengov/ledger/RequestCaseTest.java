package org.tokengov.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.TokenRights;
import org.tokengov.registry.RequestStatus;
import org.tokengov.registry.TokenRequestRecord;

/** The ledger's rules for issuing a request's tokens, and who may not approve it. */
class RequestCaseTest {

    static final TokenRequestRecord ALICES = new TokenRequestRecord("r-1", "REQ-2026-0001", "alice", 101L, 201L, true, false, false,
            "SCHEDULED_EXPORT", "Nightly export of new visits for the dashboard.", "Nightly", 10, true, RequestStatus.SUBMITTED,
            null, Instant.parse("2026-03-01T09:00:00Z"), null, false, 0L);

    final List<LedgerEntry> entries = new ArrayList<>();

    RequestCaseTest gate(LedgerKind kind, String outcome, String actor) {
        return gate(kind, outcome, actor, null);
    }

    RequestCaseTest gate(LedgerKind kind, String outcome, String actor, String subject) {
        return gate(kind, outcome, actor, subject, null);
    }

    RequestCaseTest gate(LedgerKind kind, String outcome, String actor, String subject, String details) {
        entries.add(new LedgerEntry(entries.size() + 1, CaseRef.request("r-1"), kind, outcome, actor, subject,
                Instant.parse("2026-03-01T10:00:00Z"), details, false));
        return this;
    }

    RequestCase request() {
        return new RequestCase("r-1", ALICES, entries);
    }

    RequestCaseTest passedEverything() {
        return gate(LedgerKind.ELIGIBILITY, "ELIGIBLE", "system").gate(LedgerKind.PI_CONSENT, "ENABLED_IN_REDCAP", "system").gate(LedgerKind.QA_TESTED, null, "alice")
                .gate(LedgerKind.CODE_REVIEW, "APPROVED", "sam").gate(LedgerKind.RELEASE_DECISION, "APPROVED", "ada");
    }

    @Test
    void aRequestThatPassedEveryGateMayGetBothTokens() {
        passedEverything();

        assertThat(request().missingForQaToken()).isEmpty();
        assertThat(request().missingForProductionToken()).isEmpty();
        assertThat(request().requester()).contains("alice");
        assertThat(request().codeReviewers()).containsExactly("sam");
    }

    @Test
    void withoutASubmissionNothingMayBeIssued() {
        assertThat(new RequestCase("r-1", null, entries).missingForQaToken())
                .contains("the request was not submitted through the request form");
    }

    @Test
    void aQaTokenNeedsEligibilityAndForAnExternalTheNamedSponsorsConfirmation() {
        assertThat(request().missingForQaToken()).contains("the requester's eligibility was not confirmed");
        gate(LedgerKind.ELIGIBILITY, "ELIGIBLE", "system", "pat");
        assertThat(request().missingForQaToken()).contains("the sponsor pat has not confirmed the sponsorship");
        gate(LedgerKind.SPONSORSHIP, "CONFIRMED", "mallory");
        assertThat(request().missingForQaToken()).as("only the sponsor the ledger names counts").isPresent();
        gate(LedgerKind.SPONSORSHIP, "CONFIRMED", "pat");
        assertThat(request().missingForQaToken()).contains("the project's PI has not consented to API access for the requester");
        gate(LedgerKind.PI_CONSENT, "ENABLED_IN_REDCAP", "system");
        assertThat(request().missingForQaToken()).isEmpty();
        assertThat(request().sponsorToConfirm()).contains("pat");
    }

    @Test
    void anIneligibleRequestGetsNoToken() {
        gate(LedgerKind.ELIGIBILITY, "INELIGIBLE", "system");

        assertThat(request().missingForQaToken()).contains("the requester's eligibility was not confirmed");
    }

    @Test
    void aReviewCountsOnlyAfterTheLatestQaTest() {
        gate(LedgerKind.ELIGIBILITY, "ELIGIBLE", "system").gate(LedgerKind.PI_CONSENT, "ENABLED_IN_REDCAP", "system").gate(LedgerKind.QA_TESTED, null, "alice")
                .gate(LedgerKind.CODE_REVIEW, "APPROVED", "sam").gate(LedgerKind.QA_TESTED, null, "alice")
                .gate(LedgerKind.RELEASE_DECISION, "APPROVED", "ada");

        assertThat(request().missingForProductionToken()).contains("no API specialist approved the code after its last QA test");
    }

    @Test
    void theLatestReviewMustApprove() {
        gate(LedgerKind.ELIGIBILITY, "ELIGIBLE", "system").gate(LedgerKind.PI_CONSENT, "ENABLED_IN_REDCAP", "system").gate(LedgerKind.QA_TESTED, null, "alice")
                .gate(LedgerKind.CODE_REVIEW, "APPROVED", "sam").gate(LedgerKind.CODE_REVIEW, "REJECTED", "rita")
                .gate(LedgerKind.RELEASE_DECISION, "APPROVED", "ada");

        assertThat(request().missingForProductionToken()).contains("no API specialist approved the code after its last QA test");
    }

    @Test
    void aQaTestByAnyoneButTheRequesterDoesNotCount() {
        gate(LedgerKind.ELIGIBILITY, "ELIGIBLE", "system").gate(LedgerKind.PI_CONSENT, "ENABLED_IN_REDCAP", "system").gate(LedgerKind.QA_TESTED, null, "bob")
                .gate(LedgerKind.CODE_REVIEW, "APPROVED", "sam").gate(LedgerKind.RELEASE_DECISION, "APPROVED", "ada");

        assertThat(request().missingForProductionToken()).contains("the requester has not reported their QA test");
    }

    @Test
    void fourEyesHoldInTheLedgerToo() {
        gate(LedgerKind.ELIGIBILITY, "ELIGIBLE", "system").gate(LedgerKind.PI_CONSENT, "ENABLED_IN_REDCAP", "system").gate(LedgerKind.QA_TESTED, null, "alice")
                .gate(LedgerKind.CODE_REVIEW, "APPROVED", "alice").gate(LedgerKind.RELEASE_DECISION, "APPROVED", "ada");
        assertThat(request().missingForProductionToken()).contains("the code review was given by the requester");

        entries.clear();
        gate(LedgerKind.ELIGIBILITY, "ELIGIBLE", "system").gate(LedgerKind.PI_CONSENT, "ENABLED_IN_REDCAP", "system").gate(LedgerKind.QA_TESTED, null, "alice")
                .gate(LedgerKind.CODE_REVIEW, "APPROVED", "rita").gate(LedgerKind.RELEASE_DECISION, "APPROVED", "rita");
        assertThat(request().missingForProductionToken()).contains("the release was approved by someone who reviewed the code");

        entries.clear();
        gate(LedgerKind.ELIGIBILITY, "ELIGIBLE", "system").gate(LedgerKind.PI_CONSENT, "ENABLED_IN_REDCAP", "system").gate(LedgerKind.QA_TESTED, null, "alice")
                .gate(LedgerKind.CODE_REVIEW, "APPROVED", "sam").gate(LedgerKind.RELEASE_DECISION, "APPROVED", "alice");
        assertThat(request().missingForProductionToken()).contains("the release was approved by the requester");
    }

    @Test
    void anEarlierReviewerMayNotApproveEvenAfterSomeoneElseApprovedTheCode() {
        gate(LedgerKind.ELIGIBILITY, "ELIGIBLE", "system").gate(LedgerKind.PI_CONSENT, "ENABLED_IN_REDCAP", "system").gate(LedgerKind.QA_TESTED, null, "alice")
                .gate(LedgerKind.CODE_REVIEW, "CHANGES_REQUESTED", "rita").gate(LedgerKind.QA_TESTED, null, "alice")
                .gate(LedgerKind.CODE_REVIEW, "APPROVED", "sam").gate(LedgerKind.RELEASE_DECISION, "APPROVED", "rita");

        assertThat(request().codeReviewers()).containsExactly("rita", "sam");
        assertThat(request().missingForProductionToken()).contains("the release was approved by someone who reviewed the code");
    }

    @Test
    void aRejectedReleaseGetsNoProductionToken() {
        gate(LedgerKind.ELIGIBILITY, "ELIGIBLE", "system").gate(LedgerKind.PI_CONSENT, "ENABLED_IN_REDCAP", "system").gate(LedgerKind.QA_TESTED, null, "alice")
                .gate(LedgerKind.CODE_REVIEW, "APPROVED", "sam").gate(LedgerKind.RELEASE_DECISION, "REJECTED", "ada");

        assertThat(request().missingForProductionToken())
                .contains("no REDCap administrator approved the release after the code review");
    }

    @Test
    void issuedTokensAreKnownPerEnvironment() {
        passedEverything().gate(LedgerKind.TOKEN_ISSUED, "QA", "system");

        assertThat(request().issued(RedcapEnvironment.QA)).isTrue();
        assertThat(request().issued(RedcapEnvironment.PROD)).isFalse();
    }

    @Test
    void noTokenWithoutThePisConsentAfterTheEligibilityNorFromARefusalOrTheRequester() {
        gate(LedgerKind.PI_CONSENT, "APPROVED", "pat", null, "export").gate(LedgerKind.ELIGIBILITY, "ELIGIBLE", "system");
        assertThat(request().missingForQaToken()).as("a consent before the eligibility does not count")
                .contains("the project's PI has not consented to API access for the requester");
        gate(LedgerKind.PI_CONSENT, "REFUSED", "pat", null, "Not on this study.");
        assertThat(request().missingForQaToken()).contains("the project's PI has not consented to API access for the requester");
        gate(LedgerKind.PI_CONSENT, "APPROVED", "alice", null, "export");
        assertThat(request().missingForQaToken()).contains("the PI consent was given by the requester");
        gate(LedgerKind.PI_CONSENT, "APPROVED", "pat", null, "export");
        assertThat(request().missingForQaToken()).isEmpty();
    }

    @Test
    void theTokensCarryTheRequestedRightsWithinWhatThePiApproved() {
        TokenRequestRecord everything = new TokenRequestRecord("r-1", "REQ-2026-0001", "alice", 101L, 201L, true, true, false,
                "SCHEDULED_EXPORT", "Nightly sync.", "Nightly", 10, true, RequestStatus.SUBMITTED, null,
                Instant.parse("2026-03-01T09:00:00Z"), null, false, 0L);
        assertThat(new RequestCase("r-1", everything, entries).consentedRights()).isEqualTo(TokenRights.NONE);

        gate(LedgerKind.ELIGIBILITY, "ELIGIBLE", "system").gate(LedgerKind.PI_CONSENT, "ENABLED_IN_REDCAP", "system", null,
                "export,import");
        assertThat(new RequestCase("r-1", everything, entries).consentedRights()).isEqualTo(new TokenRights(true, true, false));
        gate(LedgerKind.PI_CONSENT, "APPROVED", "pat", null, "export,mobile_app");
        assertThat(new RequestCase("r-1", everything, entries).consentedRights())
                .as("never more than requested, never more than approved").isEqualTo(new TokenRights(true, false, false));
        gate(LedgerKind.PI_CONSENT, "REFUSED", "pat", null, "No.");
        assertThat(new RequestCase("r-1", everything, entries).consentedRights()).isEqualTo(TokenRights.NONE);
    }
}
