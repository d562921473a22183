package org.tokengov.issuance;

import org.springframework.stereotype.Service;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.identity.Entitlements;
import org.tokengov.identity.IdentityProperties;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.TokenRegistry;

/**
 * Keeps the identity store's entitlement groups in step with the registry: a holder is in an environment's
 * group while they hold a live token there, and leaves it with their last one.
 */
@Service
public class TokenEntitlements {

    private final Entitlements entitlements;
    private final IdentityProperties identity;
    private final TokenRegistry registry;
    private final AuditTrail auditTrail;

    TokenEntitlements(Entitlements entitlements, IdentityProperties identity, TokenRegistry registry, AuditTrail auditTrail) {
        this.entitlements = entitlements;
        this.identity = identity;
        this.registry = registry;
        this.auditTrail = auditTrail;
    }

    public void grant(String holder, RedcapEnvironment environment, String requestId) {
        String group = groupOf(environment);
        if (!entitlements.holds(holder, group)) {
            entitlements.grant(holder, group);
            auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.ENTITLEMENT_GRANTED, requestId, null, holder + " joined " + group);
        }
    }

    /** Call after a revocation is recorded: removes the entitlement only if no live token is left there. */
    public void withdrawIfLastToken(String holder, RedcapEnvironment environment, String requestId) {
        String group = groupOf(environment);
        if (!registry.hasLiveToken(holder, environment) && entitlements.holds(holder, group)) {
            entitlements.revoke(holder, group);
            auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.ENTITLEMENT_REVOKED, requestId, null, holder + " left " + group);
        }
    }

    String groupOf(RedcapEnvironment environment) {
        return environment == RedcapEnvironment.PROD ? identity.prodEntitlementGroup() : identity.qaEntitlementGroup();
    }
}
