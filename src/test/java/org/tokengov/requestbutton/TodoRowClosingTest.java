package org.tokengov.requestbutton;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.LedgerEntry;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.ledger.RequestCase;
import org.tokengov.redcap.TodoStatus;
import org.tokengov.registry.RequestStatus;
import org.tokengov.registry.TokenRequestRecord;

/** What the to-do row says for each way a request ends, and whose decision REDCap records. */
class TodoRowClosingTest {

    static final String ID = "req-1";
    final List<LedgerEntry> entries = new ArrayList<>();

    void decision(LedgerKind kind, String outcome, String actor) {
        entries.add(new LedgerEntry(entries.size() + 1, CaseRef.request(ID), kind, outcome, actor, null, Instant.EPOCH,
                null, false));
    }

    TodoRowClosing closing(RequestStatus status, String reason) {
        TokenRequestRecord request = new TokenRequestRecord(ID, "REQ-2026-0001", "alice", 101, 201, true, false, false, "SCHEDULED_EXPORT",
                "Nightly export of new visits.", "Nightly", 10, true, status, reason, Instant.EPOCH, Instant.EPOCH, false, 1L);
        return TodoRowClosing.decided(request, new RequestCase(ID, request, entries));
    }

    @Test
    void anIssuedRequestCompletesTheRowInTheNameOfTheApprovingAdministrator() {
        decision(LedgerKind.CODE_REVIEW, "APPROVED", "sam");
        decision(LedgerKind.RELEASE_DECISION, "APPROVED", "ada");

        assertThat(closing(RequestStatus.APPROVED, "Production token issued")).isEqualTo(new TodoRowClosing(
                TodoStatus.COMPLETED, "Handled by API token governance: request req-1 issued: Production token issued", "ada"));
    }

    @Test
    void aRejectedRequestArchivesTheRowInTheNameOfWhoeverRejectedIt() {
        decision(LedgerKind.CODE_REVIEW, "REJECTED", "sam");
        assertThat(closing(RequestStatus.REJECTED, "Code review: unsafe")).isEqualTo(new TodoRowClosing(
                TodoStatus.ARCHIVED, "Handled by API token governance: request req-1 rejected: Code review: unsafe", "sam"));

        decision(LedgerKind.CODE_REVIEW, "APPROVED", "sam");
        decision(LedgerKind.RELEASE_DECISION, "REJECTED", "ada");
        assertThat(closing(RequestStatus.REJECTED, "Release approval: no").by()).isEqualTo("ada");
    }

    @Test
    void requestsTheSystemEndedArchiveTheRowInNobodysName() {
        decision(LedgerKind.CODE_REVIEW, "APPROVED", "sam");
        assertThat(closing(RequestStatus.TIMED_OUT, "Nobody completed the step in time")).isEqualTo(new TodoRowClosing(
                TodoStatus.ARCHIVED, "Handled by API token governance: request req-1 closed (not completed in time): Nobody"
                        + " completed the step in time", null));
        assertThat(closing(RequestStatus.REFUSED, "the sponsor has not confirmed").comment())
                .isEqualTo("Handled by API token governance: request req-1 refused: the sponsor has not confirmed");
        assertThat(closing(RequestStatus.INELIGIBLE, "not a project user").status()).isEqualTo(TodoStatus.ARCHIVED);
        assertThat(closing(RequestStatus.CLOSED, "left the organisation").comment())
                .isEqualTo("Handled by API token governance: request req-1 closed: left the organisation");
    }

    @Test
    void unansweredAndNotEntitledRowsAreArchivedSayingWhy() {
        assertThat(TodoRowClosing.unanswered("alice", 30)).isEqualTo(new TodoRowClosing(TodoStatus.ARCHIVED,
                "Handled by API token governance: alice did not complete the token request survey in Tasklist within 30"
                        + " days; press the request button again, or request in Tasklist.", null));
        assertThat(TodoRowClosing.notEntitled("bob is not in the group api-requesters").comment())
                .isEqualTo("Handled by API token governance: not taken up: bob is not in the group api-requesters.");
    }
}
