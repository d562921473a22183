package org.tokengov.issuance;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/** The token request whose call activity started an issuance: the engine's own link, never a variable. */
final class CallingRequest {

    private CallingRequest() {
    }

    static Optional<String> idOf(DelegateExecution issuance) {
        ExecutionEntity caller = ((ExecutionEntity) issuance).getProcessInstance().getSuperExecution();
        return Optional.ofNullable(caller).map(ExecutionEntity::getProcessInstanceId);
    }
}
