package org.tokengov.lifecycle;

import static org.tokengov.lifecycle.TokenLifecycleVariables.PROCESS;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.tokengov.audit.AuditTrail;
import org.tokengov.identity.SystemAuthority;
import org.tokengov.ledger.LedgerCases;
import org.tokengov.ledger.TokenCase;

/**
 * A token's value found where it must not be (REDCap's log, an uploaded repository) is a compromise: reported to the
 * token's lifecycle as a holder's report is, so it gets a new value. Once per case: while a compromise is being dealt
 * with (reported, no new value yet), another sighting opens no second one.
 */
@Service
public class FoundCompromises {

    /** What became of a sighting. */
    public enum Outcome {
        /** The lifecycle was told: the token is being regenerated. */
        REPORTED,
        /** A compromise of the token is already being dealt with. */
        ALREADY_BEING_REPLACED,
        /** The token is live but has no lifecycle to replace it (it predates them): an administrator must. */
        NO_LIFECYCLE,
        /** Unknown, revoked or expired: nothing to do. */
        NOT_LIVE
    }

    private static final Logger log = LoggerFactory.getLogger(FoundCompromises.class);

    private final TokenLifecycles lifecycles;
    private final LedgerCases cases;
    private final RuntimeService runtime;
    private final IdentityService identity;

    FoundCompromises(TokenLifecycles lifecycles, LedgerCases cases, RuntimeService runtime, IdentityService identity) {
        this.lifecycles = lifecycles;
        this.cases = cases;
        this.runtime = runtime;
        this.identity = identity;
    }

    /** @param by who found it ({@link AuditTrail#SYSTEM_ACTOR} for the log reader, else the person whose upload held it) */
    public Outcome report(String tokenId, String by) {
        TokenCase token = cases.token(tokenId).orElse(null);
        if (token == null || !token.token().state().isLive()) {
            return Outcome.NOT_LIVE;
        }
        if (token.compromiseOpen()) {
            log.info("Token {} is already being replaced after a compromise report: this sighting opens no second case",
                    tokenId);
            return Outcome.ALREADY_BEING_REPLACED;
        }
        boolean hasLifecycle = SystemAuthority.call(identity, () -> runtime.createProcessInstanceQuery()
                .processDefinitionKey(PROCESS).processInstanceBusinessKey(tokenId).count() > 0);
        if (!hasLifecycle) {
            return Outcome.NO_LIFECYCLE;
        }
        lifecycles.reportCompromised(tokenId, by);
        return Outcome.REPORTED;
    }
}
