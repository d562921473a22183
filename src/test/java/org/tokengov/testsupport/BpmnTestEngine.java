package org.tokengov.testsupport;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/** The in-memory engine of the BPMN unit tests (see bpmn-unit-tests.camunda.cfg.xml). */
public final class BpmnTestEngine {

    private BpmnTestEngine() {
    }

    public static ProcessEngineExtension extension() {
        return ProcessEngineExtension.builder().configurationResource("bpmn-unit-tests.camunda.cfg.xml").build();
    }
}
