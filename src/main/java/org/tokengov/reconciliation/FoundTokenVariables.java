package org.tokengov.reconciliation;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The names of {@code FoundTokenProcess}'s variables, and typed reads of them. */
final class FoundTokenVariables {

    static final String PROCESS = "FoundTokenProcess";
    /** The message that ends a found token's process when the token is revoked elsewhere (an offboarding). */
    static final String MSG_REVOKE_TOKEN = "Msg_RevokeToken";

    /** Shown on the administrator's task; the token itself is the process instance's business key. */
    static final String HOLDER = "holder";
    static final String ENVIRONMENT = "environment";
    static final String PROJECT_ID = "projectId";
    /** Set by the holder check: a {@link FoundTokenVerdict}. */
    static final String VERDICT = "foundTokenVerdict";
    /** Set by the holder check for a revocation, or by whoever sends {@value #MSG_REVOKE_TOKEN}. */
    static final String REVOCATION_REASON = "revocationReason";
    /** A service account's cutover: when its found token is revoked. */
    static final String CUTOVER_AT = "cutoverAt";
    /** {@code Task_DecideOnFoundToken}'s form. */
    static final String DECISION = "foundTokenDecision";
    static final String COMMENTS = "foundTokenComments";

    private FoundTokenVariables() {
    }

    /** The found token: its process instance's business key, never a variable. */
    static String tokenId(DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }

    static Date cutoverAt(VariableScope scope) {
        return (Date) scope.getVariable(CUTOVER_AT);
    }
}
