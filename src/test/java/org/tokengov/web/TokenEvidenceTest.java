package org.tokengov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokengov.attestation.AttestationSource;
import org.tokengov.attestation.PolicyAttestation;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditEntry;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.LedgerEntry;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.RequestStatus;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.registry.TokenState;

class TokenEvidenceTest {

    static final Instant ISSUED = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant REVOKED = Instant.parse("2026-09-01T10:00:00Z");

    final IssuedToken token = new IssuedToken("t-1", "req-1", "alice", RedcapEnvironment.PROD, 101, true, false, false,
            TokenState.REVOKED, ISSUED, Instant.parse("2027-03-01T10:00:00Z"), Instant.parse("2026-08-30T02:00:00Z"),
            "f".repeat(64), REVOKED, "LEFT_PROJECT", 3L);
    final TokenRequestRecord request = new TokenRequestRecord("req-1", "REQ-2026-0001", "alice", 101, 201, true, false, false,
            "SCHEDULED_EXPORT", "Nightly export", "Nightly at 02:00", 10, true, RequestStatus.values()[0], null,
            Instant.parse("2026-02-01T09:00:00Z"), null, false, 1L);

    @Test
    void mergesTheSourcesIntoOneTimeLineRequestBeforeTokenAtTheSameMoment() {
        List<LedgerEntry> requestEntries = List.of(
                ledger(1, CaseRef.request("req-1"), LedgerKind.ELIGIBILITY, "ELIGIBLE", "system", "2026-02-01T09:01:00Z"),
                ledger(2, CaseRef.request("req-1"), LedgerKind.CODE_REVIEW, "APPROVED", "sam", "2026-02-20T09:00:00Z"),
                ledger(3, CaseRef.request("req-1"), LedgerKind.TOKEN_ISSUED, "PROD", "ada", "2026-03-01T10:00:00Z"));
        List<LedgerEntry> tokenEntries = List.of(
                ledger(4, CaseRef.token("t-1"), LedgerKind.SUSPENDED, null, "ada", "2026-05-01T08:00:00Z"),
                ledger(5, CaseRef.token("t-1"), LedgerKind.REINSTATED, null, "ada", "2026-03-01T10:00:00Z"));
        List<PolicyAttestation> attestations = List.of(
                new PolicyAttestation("alice", Instant.parse("2026-01-15T00:00:00Z"), AttestationSource.ATTESTATION, null,
                        null, "before the token"),
                new PolicyAttestation("alice", Instant.parse("2026-06-15T00:00:00Z"), AttestationSource.ATTESTATION, null,
                        null, "campaign-2026"),
                new PolicyAttestation("alice", Instant.parse("2026-10-15T00:00:00Z"), AttestationSource.RENEWAL, "req-9",
                        "t-9", null));
        List<AuditEntry> audit = List.of(
                new AuditEntry(7, REVOKED, "pat", AuditAction.TOKEN_REVOKED, "req-1", "t-1", "LEFT_PROJECT"),
                new AuditEntry(8, Instant.parse("2026-09-01T10:05:00Z"), "ada", AuditAction.TOKEN_REVOCATION_CONFIRMED,
                        null, "t-1", "deleted in the Control Center"));

        TokenEvidence evidence = TokenEvidence.of(token, request, requestEntries, tokenEntries, attestations, audit);

        assertThat(evidence.evidence()).extracting(TokenEvidence.Item::kind).containsExactly("ELIGIBILITY",
                "CODE_REVIEW", "TOKEN_ISSUED", "REINSTATED", "SUSPENDED", "POLICY_ATTESTED", "LAST_USED",
                "TOKEN_REVOKED", "TOKEN_REVOCATION_CONFIRMED");
        assertThat(evidence.evidence()).extracting(TokenEvidence.Item::actor).containsExactly("system", "sam", "ada",
                "ada", "ada", "alice", "alice", "pat", "ada");
        assertThat(evidence.evidence().get(2).source()).isEqualTo(TokenEvidence.Source.REQUEST_LEDGER);
        assertThat(evidence.evidence().get(3).source()).isEqualTo(TokenEvidence.Source.TOKEN_LEDGER);
        assertThat(evidence.evidence().get(5).details()).isEqualTo("annual attestation, campaign campaign-2026");
        assertThat(evidence.evidence().get(8).details()).isEqualTo("deleted in the Control Center");
        assertThat(evidence.request().submitter()).isEqualTo("alice");
        assertThat(evidence.request().rights()).containsExactly("export");
        assertThat(evidence.token().revocationReason()).isEqualTo("LEFT_PROJECT");
    }

    @Test
    void aFoundTokenHasNoRequestAndABackfilledEntrySaysSo() {
        IssuedToken found = new IssuedToken("t-2", null, "bob", RedcapEnvironment.QA, 201, true, true, false,
                TokenState.ACTIVE, ISSUED, null, null, null, null, null, 0L);
        LedgerEntry backfilled = new LedgerEntry(1, CaseRef.token("t-2"), LedgerKind.FOUND, "EXISTING", "system", null,
                ISSUED, "in REDCap before onboarding", true);

        TokenEvidence evidence = TokenEvidence.of(found, null, List.of(), List.of(backfilled), List.of(), List.of());

        assertThat(evidence.request()).isNull();
        assertThat(evidence.evidence()).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo("FOUND");
            assertThat(item.details()).isEqualTo("reconstructed from the audit trail: in REDCap before onboarding");
        });
    }

    @Test
    void thePageEscapesEveryValue() {
        List<LedgerEntry> tokenEntries = List.of(new LedgerEntry(1, CaseRef.token("t-1"), LedgerKind.SUSPENDED, null,
                "ada", "<b>x</b>", ISSUED, "<script>alert('x')</script>", false));

        String page = TokenEvidencePage.render(TokenEvidence.of(token, request, List.of(), tokenEntries, List.of(),
                List.of()));

        assertThat(page).doesNotContain("<script>", "<b>x</b>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("Nightly export").doesNotContain("f".repeat(64));
    }

    private static LedgerEntry ledger(long id, CaseRef caseRef, LedgerKind kind, String outcome, String actor, String at) {
        return new LedgerEntry(id, caseRef, kind, outcome, actor, null, Instant.parse(at), null, false);
    }
}
