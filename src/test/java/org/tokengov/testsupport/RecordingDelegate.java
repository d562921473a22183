package org.tokengov.testsupport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Stands in for a delegate in BPMN unit tests: remembers each call's variables and can set some. */
public class RecordingDelegate implements JavaDelegate {

    private final List<Map<String, Object>> calls = new ArrayList<>();
    private final Consumer<DelegateExecution> behaviour;

    public RecordingDelegate() {
        this(execution -> { });
    }

    public RecordingDelegate(Consumer<DelegateExecution> behaviour) {
        this.behaviour = behaviour;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> variables = new HashMap<>(execution.getVariables());
        variables.putAll(execution.getVariablesLocal());
        calls.add(variables);
        behaviour.accept(execution);
    }

    public List<Map<String, Object>> calls() {
        return calls;
    }

    public Map<String, Object> lastCall() {
        if (calls.isEmpty()) {
            throw new AssertionError("The delegate was never called");
        }
        return calls.get(calls.size() - 1);
    }
}
