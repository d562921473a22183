package org.tokengov.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Manual mode, compromise: the old value stops working at once, before an administrator regenerates it; the holder is
 * told.
 */
@Component("withdrawApiRightsDelegate")
class WithdrawApiRightsDelegate implements JavaDelegate {

    private final TokenRevocation revocation;

    WithdrawApiRightsDelegate(TokenRevocation revocation) {
        this.revocation = revocation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        revocation.withdrawUntilRegenerated(TokenLifecycleVariables.tokenId(execution),
                TokenLifecycleVariables.text(execution, TokenLifecycleVariables.REPORTED_BY));
    }
}
