package org.tokengov.reconciliation;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditEntry;
import org.tokengov.audit.AuditTrail;
import org.tokengov.identity.ContractGroups;

/** Starting a reconciliation now, as the REDCap administrator who asks, and what the last one found. */
@Service
public class ReconciliationRuns {

    static final String PROCESS = "ReconciliationProcess";

    private final RuntimeService runtime;
    private final IdentityService identity;
    private final AuditTrail auditTrail;

    ReconciliationRuns(RuntimeService runtime, IdentityService identity, AuditTrail auditTrail) {
        this.runtime = runtime;
        this.identity = identity;
        this.auditTrail = auditTrail;
    }

    /**
     * Starts {@code ReconciliationProcess} as the REDCap administrator (the caller checked that they are one), so its
     * history and the audit trail name them. Returns the process instance id.
     */
    public String start(String administrator) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.setAuthentication(administrator, List.of(ContractGroups.ADMINS));
        try {
            return runtime.startProcessInstanceByKey(PROCESS).getId();
        } finally {
            if (caller == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(caller);
            }
        }
    }

    /** The last completed reconciliation: when, who started it, and what it found. */
    public Optional<AuditEntry> last() {
        return auditTrail.latest(AuditAction.RECONCILIATION_COMPLETED);
    }
}
