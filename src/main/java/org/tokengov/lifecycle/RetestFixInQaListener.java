package org.tokengov.lifecycle;

import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.ledger.LedgerKind;

/** {@code Task_RetestFixInQa}: only the holder reports the fix of a suspended token, re-tested in QA. */
@Component("retestFixInQaListener")
class RetestFixInQaListener extends QaRetestListener {

    RetestFixInQaListener(LifecycleTasks tasks) {
        super(tasks, LedgerKind.FIX_TESTED, AuditAction.FIX_SUBMITTED);
    }
}
