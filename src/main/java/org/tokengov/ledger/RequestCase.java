package org.tokengov.ledger;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.TokenRights;
import org.tokengov.registry.TokenRequestRecord;

/**
 * A token request as the ledger knows it: the request as submitted (frozen, with the authenticated submitter) and
 * the gates it passed, in the order they were recorded. Issuance and four eyes decide from this alone.
 */
public final class RequestCase {

    static final String ELIGIBLE = "ELIGIBLE";
    static final String CONFIRMED = "CONFIRMED";
    static final String APPROVED = "APPROVED";
    /** PI consent outcomes that let a request go on (see {@link LedgerKind#PI_CONSENT}). */
    static final Set<String> CONSENTED = Set.of("ENABLED_IN_REDCAP", APPROVED, "NOT_REQUIRED", "BEFORE_CONSENT_GATE");

    private final String requestId;
    private final TokenRequestRecord submission;
    private final List<LedgerEntry> entries;

    public RequestCase(String requestId, TokenRequestRecord submission, List<LedgerEntry> entries) {
        this.requestId = requestId;
        this.submission = submission;
        this.entries = List.copyOf(entries);
    }

    public String requestId() {
        return requestId;
    }

    /** The request as submitted; empty if it never went through the request form. */
    public Optional<TokenRequestRecord> submission() {
        return Optional.ofNullable(submission);
    }

    public Optional<String> requester() {
        return submission().map(TokenRequestRecord::requester);
    }

    /** Everyone who reviewed the code of this request: none of them may give the release approval. */
    public Set<String> codeReviewers() {
        Set<String> reviewers = new LinkedHashSet<>();
        entries.stream().filter(entry -> entry.kind() == LedgerKind.CODE_REVIEW).forEach(entry -> reviewers.add(entry.actor()));
        return reviewers;
    }

    /** For an eligible external requester: the internal sponsor who must confirm the sponsorship. */
    public Optional<String> sponsorToConfirm() {
        return latest(LedgerKind.ELIGIBILITY).filter(entry -> ELIGIBLE.equals(entry.outcome()))
                .map(LedgerEntry::subject);
    }

    public boolean issued(RedcapEnvironment environment) {
        return entries.stream().anyMatch(entry -> entry.is(LedgerKind.TOKEN_ISSUED, environment.name()));
    }

    /** Empty if a QA token may be issued; otherwise the gate that is missing, in words. */
    public Optional<String> missingForQaToken() {
        if (submission == null) {
            return Optional.of("the request was not submitted through the request form");
        }
        Optional<LedgerEntry> eligibility = latest(LedgerKind.ELIGIBILITY);
        if (eligibility.isEmpty() || !ELIGIBLE.equals(eligibility.get().outcome())) {
            return Optional.of("the requester's eligibility was not confirmed");
        }
        String sponsor = eligibility.get().subject();
        if (sponsor != null) {
            Optional<LedgerEntry> sponsorship = latestAfter(LedgerKind.SPONSORSHIP, eligibility.get());
            if (sponsorship.isEmpty() || !CONFIRMED.equals(sponsorship.get().outcome())
                    || !sponsor.equals(sponsorship.get().actor())) {
                return Optional.of("the sponsor " + sponsor + " has not confirmed the sponsorship");
            }
        }
        Optional<LedgerEntry> consent = latestAfter(LedgerKind.PI_CONSENT, eligibility.get());
        if (consent.isEmpty() || !CONSENTED.contains(consent.get().outcome())) {
            return Optional.of("the project's PI has not consented to API access for the requester");
        }
        if (submission.requester().equals(consent.get().actor())) {
            return Optional.of("the PI consent was given by the requester");
        }
        return Optional.empty();
    }

    /**
     * The rights a token of this request may carry: what was requested, within what the PI approved (a PI's approval
     * may grant less than requested). Nothing before a consent.
     */
    public TokenRights consentedRights() {
        if (submission == null) {
            return TokenRights.NONE;
        }
        TokenRights requested = new TokenRights(submission.rightExport(), submission.rightImport(), submission.rightMobileApp());
        return latest(LedgerKind.PI_CONSENT).filter(consent -> CONSENTED.contains(consent.outcome()))
                .map(consent -> APPROVED.equals(consent.outcome())
                        ? requested.within(TokenRights.fromCode(consent.details())) : requested)
                .orElse(TokenRights.NONE);
    }

    /** Empty if the production token may be issued; otherwise the gate that is missing, in words. */
    public Optional<String> missingForProductionToken() {
        Optional<String> beforeQa = missingForQaToken();
        if (beforeQa.isPresent()) {
            return beforeQa;
        }
        String requester = submission.requester();
        Optional<LedgerEntry> tested = latest(LedgerKind.QA_TESTED);
        if (tested.isEmpty() || !requester.equals(tested.get().actor())) {
            return Optional.of("the requester has not reported their QA test");
        }
        Optional<LedgerEntry> review = latestAfter(LedgerKind.CODE_REVIEW, tested.get());
        if (review.isEmpty() || !APPROVED.equals(review.get().outcome())) {
            return Optional.of("no API specialist approved the code after its last QA test");
        }
        if (requester.equals(review.get().actor())) {
            return Optional.of("the code review was given by the requester");
        }
        Optional<LedgerEntry> release = latestAfter(LedgerKind.RELEASE_DECISION, review.get());
        if (release.isEmpty() || !APPROVED.equals(release.get().outcome())) {
            return Optional.of("no REDCap administrator approved the release after the code review");
        }
        if (requester.equals(release.get().actor())) {
            return Optional.of("the release was approved by the requester");
        }
        if (codeReviewers().contains(release.get().actor())) {
            return Optional.of("the release was approved by someone who reviewed the code");
        }
        return Optional.empty();
    }

    /** The latest entry of a kind, e.g. the QA test or code review a form shows. */
    public Optional<LedgerEntry> latest(LedgerKind kind) {
        return entries.stream().filter(entry -> entry.kind() == kind).reduce((first, second) -> second);
    }

    private Optional<LedgerEntry> latestAfter(LedgerKind kind, LedgerEntry earlier) {
        return entries.stream().filter(entry -> entry.kind() == kind && entry.id() > earlier.id())
                .reduce((first, second) -> second);
    }
}
