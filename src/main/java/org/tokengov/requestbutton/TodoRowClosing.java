package org.tokengov.requestbutton;

import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.tokengov.ledger.LedgerEntry;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.ledger.RequestCase;
import org.tokengov.redcap.TodoStatus;
import org.tokengov.registry.RequestStatus;
import org.tokengov.registry.TokenRequestRecord;

/**
 * What a to-do row says when this system closes it: status, comment, and who closed it (the person whose decision
 * ended the request, by the ledger; none when the system ended it, as REDCap records no one then).
 */
record TodoRowClosing(TodoStatus status, String comment, String by) {

    static final String HANDLED = "Handled by API token governance: ";
    private static final int MAX_REASON = 1000;

    /** The token request the survey started was decided: issued completes the row, anything else archives it. */
    static TodoRowClosing decided(TokenRequestRecord request, RequestCase ledger) {
        RequestStatus outcome = request.status();
        String verb = switch (outcome) {
            case APPROVED -> "issued";
            case REJECTED -> "rejected";
            case REFUSED -> "refused";
            case INELIGIBLE -> "refused (not eligible)";
            case TIMED_OUT -> "closed (not completed in time)";
            case CLOSED -> "closed";
            case SUBMITTED -> throw new IllegalStateException("Token request " + request.id() + " is not decided yet");
        };
        String reason = request.outcomeReason() == null || request.outcomeReason().isBlank() ? ""
                : ": " + shortened(request.outcomeReason());
        return new TodoRowClosing(outcome == RequestStatus.APPROVED ? TodoStatus.COMPLETED : TodoStatus.ARCHIVED,
                HANDLED + "request " + request.id() + " " + verb + reason, decider(outcome, ledger).orElse(null));
    }

    static TodoRowClosing unanswered(String requester, long days) {
        return new TodoRowClosing(TodoStatus.ARCHIVED, HANDLED + requester + " did not complete the token request survey in"
                + " Tasklist within " + days + " days; press the request button again, or request in Tasklist.", null);
    }

    static TodoRowClosing notEntitled(String reason) {
        return new TodoRowClosing(TodoStatus.ARCHIVED, HANDLED + "not taken up: " + shortened(reason) + ".", null);
    }

    /** The release decision of an issued request; the last human decision (approval, review, sponsor) of a rejected one. */
    private static Optional<String> decider(RequestStatus outcome, RequestCase ledger) {
        Stream<LedgerKind> decisions = switch (outcome) {
            case APPROVED -> Stream.of(LedgerKind.RELEASE_DECISION);
            case REJECTED -> Stream.of(LedgerKind.RELEASE_DECISION, LedgerKind.CODE_REVIEW, LedgerKind.SPONSORSHIP);
            default -> Stream.empty();
        };
        return decisions.map(ledger::latest).flatMap(Optional::stream).max(Comparator.comparingLong(LedgerEntry::id))
                .map(LedgerEntry::actor);
    }

    private static String shortened(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "…";
    }
}
