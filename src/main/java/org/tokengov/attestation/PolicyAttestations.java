package org.tokengov.attestation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.lifecycle.RenewalConfirmed;
import org.tokengov.registry.TokenRegistry;

/** Records attestations of the Fair Use Policy (append only) and says who must attest again. */
@Service
public class PolicyAttestations {

    private final JdbcClient jdbc;
    private final TokenRegistry registry;
    private final AuditTrail auditTrail;
    private final AttestationProperties properties;
    private final Clock clock;

    PolicyAttestations(JdbcClient jdbc, TokenRegistry registry, AuditTrail auditTrail, AttestationProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.auditTrail = auditTrail;
        this.properties = properties;
        this.clock = clock;
    }

    /** The holder attested in the annual campaign ({@code reference}: the campaign's process instance). */
    public void recordAttestation(String holder, String reference) {
        record(holder, AttestationSource.ATTESTATION, null, null, reference);
        auditTrail.record(holder, AuditAction.POLICY_ATTESTED, null, null, "annual attestation, campaign " + reference);
    }

    /** The holder kept a token at renewal and re-attested the policy: counts as this period's attestation. */
    public void recordRenewal(String holder, String requestId, String tokenId) {
        record(holder, AttestationSource.RENEWAL, requestId, tokenId, null);
    }

    /** A renewal confirmed with re-attestation counts as this year's attestation (in the renewal's transaction). */
    @EventListener
    void onRenewalConfirmed(RenewalConfirmed renewal) {
        recordRenewal(renewal.holder(), renewal.requestId(), renewal.tokenId());
    }

    /** Holders of live tokens who have not attested within {@code tokengov.policy.attestation.valid-for}. */
    public List<String> holdersToAsk() {
        Map<String, Instant> last = new HashMap<>();
        jdbc.sql("select holder, max(attested_at) from policy_attestation group by holder")
                .query((rs, row) -> last.put(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list();
        return AttestationDue.holdersToAsk(registry.liveHolders(), last, clock.instant(), properties.validFor());
    }

    /** Whether the holder attested (or renewed with re-attestation) at or after the moment. */
    public boolean attestedSince(String holder, Instant since) {
        return jdbc.sql("select count(*) from policy_attestation where holder = ? and attested_at >= ?")
                .params(holder, Timestamp.from(since))
                .query(Long.class)
                .single() > 0;
    }

    /** The holder's attestations at or after {@code since}, oldest first. */
    public List<PolicyAttestation> ofHolderSince(String holder, Instant since) {
        return jdbc.sql("""
                select holder, attested_at, source, request_id, token_id, campaign_id from policy_attestation
                where holder = ? and attested_at >= ? order by id""")
                .params(holder, Timestamp.from(since))
                .query((rs, row) -> new PolicyAttestation(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        AttestationSource.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    private void record(String holder, AttestationSource source, String requestId, String tokenId, String reference) {
        jdbc.sql("""
                insert into policy_attestation (holder, attested_at, source, request_id, token_id, campaign_id)
                values (?, ?, ?, ?, ?, ?)""")
                .params(holder, Timestamp.from(clock.instant()), source.name(), requestId, tokenId, reference)
                .update();
    }
}
