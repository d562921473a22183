package org.tokengov.reconciliation;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_CheckFoundTokenHolder}: may the holder of the found token hold one? Sets the verdict the gateway reads. */
@Component("checkFoundTokenHolderDelegate")
class CheckFoundTokenHolderDelegate implements JavaDelegate {

    private final FoundTokens foundTokens;
    private final HolderStanding standing;
    private final ServiceAccountCutover cutover;
    private final Clock clock;

    CheckFoundTokenHolderDelegate(FoundTokens foundTokens, HolderStanding standing, ServiceAccountCutover cutover,
            Clock clock) {
        this.foundTokens = foundTokens;
        this.standing = standing;
        this.cutover = cutover;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        HolderStanding.Standing holder = standing.of(foundTokens.caseOf(FoundTokenVariables.tokenId(execution)));
        execution.setVariable(FoundTokenVariables.VERDICT, holder.verdict().name());
        if (holder.reason() != null) {
            execution.setVariable(FoundTokenVariables.REVOCATION_REASON, holder.reason().name());
        }
        if (holder.verdict() == FoundTokenVerdict.REVOKE_AT_CUTOVER) {
            execution.setVariable(FoundTokenVariables.CUTOVER_AT, cutover.at(LocalDate.now(clock)));
        }
    }
}
