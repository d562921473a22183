package org.tokengov.issuance;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Service;
import org.tokengov.redcap.RedcapEnvironment;

/**
 * The tokens being issued right now: REDCap may already hold them while the registry does not yet (the issuance
 * records its token a step after writing it). Reconciliation leaves them to the issuance.
 */
@Service
public class IssuancesInProgress {

    static final String PROCESS = "TokenIssuanceProcess";

    /** A token being issued: whose, where. */
    public record Issuing(String holder, RedcapEnvironment environment, long projectId) {
    }

    private final RuntimeService runtime;

    IssuancesInProgress(RuntimeService runtime) {
        this.runtime = runtime;
    }

    public Set<Issuing> now() {
        List<String> instances = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).active().list()
                .stream().map(ProcessInstance::getId).toList();
        if (instances.isEmpty()) {
            return Set.of();
        }
        Map<String, Map<String, Object>> variables = new HashMap<>();
        for (VariableInstance variable : runtime.createVariableInstanceQuery()
                .processInstanceIdIn(instances.toArray(String[]::new))
                .variableNameIn(TokenIssuanceVariables.HOLDER, TokenIssuanceVariables.ENVIRONMENT,
                        TokenIssuanceVariables.PROJECT_ID)
                .disableBinaryFetching().list()) {
            if (variable.getProcessInstanceId().equals(variable.getExecutionId())) {
                variables.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
                        .put(variable.getName(), variable.getValue());
            }
        }
        Set<Issuing> issuing = new HashSet<>();
        for (Map<String, Object> values : variables.values()) {
            if (values.get(TokenIssuanceVariables.HOLDER) instanceof String holder
                    && values.get(TokenIssuanceVariables.ENVIRONMENT) instanceof String environment
                    && values.get(TokenIssuanceVariables.PROJECT_ID) instanceof Number projectId) {
                issuing.add(new Issuing(holder, RedcapEnvironment.valueOf(environment), projectId.longValue()));
            }
        }
        return issuing;
    }
}
