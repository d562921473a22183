package org.tokengov.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Repeated suspensions: bans the holder and revokes all their tokens (this one directly, the others by message). */
@Component("banHolderDelegate")
class BanHolderDelegate implements JavaDelegate {

    private final Suspensions suspensions;

    BanHolderDelegate(Suspensions suspensions) {
        this.suspensions = suspensions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        suspensions.ban(TokenLifecycleVariables.tokenId(execution));
    }
}
