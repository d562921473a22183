package org.tokengov.reconciliation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_NoticeServiceAccountCutover}: the project's PIs and the administrators hear when the token stops. */
@Component("noticeServiceAccountCutoverDelegate")
class NoticeServiceAccountCutoverDelegate implements JavaDelegate {

    private final FoundTokens foundTokens;

    NoticeServiceAccountCutoverDelegate(FoundTokens foundTokens) {
        this.foundTokens = foundTokens;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate cutoverOn = FoundTokenVariables.cutoverAt(execution).toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        foundTokens.noticeCutover(FoundTokenVariables.tokenId(execution), cutoverOn);
    }
}
