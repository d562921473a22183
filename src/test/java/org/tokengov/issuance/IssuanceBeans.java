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
import org.tokengov.registry.TokenHolders;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.usertask.FourEyes;
import org.tokengov.usertask.TaskCandidates;

/** The issuance's real gate beans for BPMN unit tests of other packages (they are package-private). */
public final class IssuanceBeans {

    private IssuanceBeans() {
    }

    public static JavaDelegate checkIssuanceGates(LedgerCases cases) {
        return checkIssuanceGates(cases, Mockito.mock(TokenHolders.class));
    }

    /** With the holders' lock and departures of the test (a mock's lock finds nobody who left). */
    public static JavaDelegate checkIssuanceGates(LedgerCases cases, TokenHolders holders) {
        return new CheckIssuanceGatesDelegate(new IssuanceGate(cases, holders));
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
        return writeTokenToRedcap(cases, ledger, redcap, administration, registry, Mockito.mock(TokenHolders.class));
    }

    public static JavaDelegate writeTokenToRedcap(LedgerCases cases, Ledger ledger, RedcapApi redcap,
            TokenAdministration administration, TokenRegistry registry, TokenHolders holders) {
        return new WriteTokenToRedcapDelegate(new IssuanceGate(cases, holders), new PiConsentStillInRedcap(cases, ledger, redcap),
                administration, registry);
    }

    public static TaskListener createTokenInControlCenter(LedgerCases cases, AuditTrail audit, TaskCandidates candidates) {
        return new CreateTokenInControlCenterListener(new FourEyes(audit), candidates, cases, audit);
    }
}
