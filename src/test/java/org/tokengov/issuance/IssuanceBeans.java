package org.tokengov.issuance;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mockito.Mockito;
import org.tokengov.audit.AuditTrail;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerCases;
import org.tokengov.notification.Notifier;
import org.tokengov.redcap.RedcapApi;
import org.tokengov.redcap.TokenAdministration;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.usertask.FourEyes;
import org.tokengov.usertask.TaskCandidates;

/** The issuance's real gate beans for BPMN unit tests of other packages (they are package-private). */
public final class IssuanceBeans {

    private IssuanceBeans() {
    }

    public static JavaDelegate checkIssuanceGates(LedgerCases cases) {
        return new CheckIssuanceGatesDelegate(new IssuanceGate(cases));
    }

    public static JavaDelegate refuseIssuance(Ledger ledger, LedgerCases cases, AuditTrail audit, Notifier notifier) {
        return new RefuseIssuanceDelegate(refusals(ledger, audit, notifier), cases);
    }

    public static IssuanceRefusals refusals(Ledger ledger, AuditTrail audit, Notifier notifier) {
        return new IssuanceRefusals(ledger, audit, notifier);
    }

    public static JavaDelegate writeTokenToRedcap(LedgerCases cases, Ledger ledger, RedcapApi redcap,
            TokenAdministration administration) {
        return writeTokenToRedcap(cases, ledger, redcap, administration, Mockito.mock(TokenRegistry.class));
    }

    public static JavaDelegate writeTokenToRedcap(LedgerCases cases, Ledger ledger, RedcapApi redcap,
            TokenAdministration administration, TokenRegistry registry) {
        return new WriteTokenToRedcapDelegate(new IssuanceGate(cases), new PiConsentStillInRedcap(cases, ledger, redcap),
                administration, registry);
    }

    public static TaskListener createTokenInControlCenter(LedgerCases cases, AuditTrail audit, TaskCandidates candidates) {
        return new CreateTokenInControlCenterListener(new FourEyes(audit), candidates, cases, audit);
    }
}
