package org.tokengov;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;

/**
 * House rules for every diagram in bpmn/: readable ids, full DI, a deployed Camunda Form on every form step, static task
 * names, timer-started processes kept out of Tasklist's start list.
 */
class BpmnModelConventionsTest {

    /** What modelers generate when nobody names an element: Activity_0ab12cd, Flow_1x2y3z4 and the like. */
    static final Pattern GENERATED_ID = Pattern.compile("^[A-Za-z]+_[0-9a-z]{7}$");

    static boolean isGenerated(String id) {
        return GENERATED_ID.matcher(id).matches() && id.substring(id.indexOf('_') + 1).matches(".*\\d.*");
    }

    @Test
    void generatedIdsAreRecognised() {
        assertThat(isGenerated("Activity_0ab12cd")).isTrue();
        assertThat(isGenerated("Flow_1x2y3z4")).isTrue();
        assertThat(isGenerated("Gateway_0k7wz1q")).isTrue();
        assertThat(isGenerated("Task_ReviewCode")).isFalse();
        assertThat(isGenerated("Flow_Eligible")).isFalse();
    }

    @Test
    void everyElementHasAReadableId() throws IOException {
        for (Path file : diagrams()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            List<String> generated = model.getModelElementsByType(BaseElement.class).stream()
                    .map(BaseElement::getId).filter(id -> id != null && isGenerated(id)).toList();
            assertThat(generated).as("generated ids in " + file).isEmpty();
        }
    }

    @Test
    void everyFlowNodeAndFlowIsDrawn() throws IOException {
        for (Path file : diagrams()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            Set<String> drawn = Stream.concat(
                    model.getModelElementsByType(BpmnShape.class).stream().map(s -> s.getBpmnElement().getId()),
                    model.getModelElementsByType(BpmnEdge.class).stream().map(e -> e.getBpmnElement().getId()))
                    .collect(Collectors.toSet());
            Collection<FlowElement> elements = model.getModelElementsByType(FlowElement.class);
            List<String> undrawn = elements.stream().filter(e -> e instanceof FlowNode || e instanceof SequenceFlow)
                    .map(FlowElement::getId).filter(id -> !drawn.contains(id)).toList();
            assertThat(undrawn).as("elements without DI in " + file).isEmpty();
        }
    }

    @Test
    void everyUserTaskAndFormStartReferencesAFormInForms() throws IOException {
        Set<String> forms;
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            forms = files.map(f -> f.getFileName().toString().replace(".form", "")).collect(Collectors.toSet());
        }
        for (Path file : diagrams()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                assertThat(task.getCamundaFormRef()).as(task.getId() + " formRef").isIn(forms);
                assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
            }
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                if (start.getCamundaFormRef() != null) {
                    assertThat(start.getCamundaFormRef()).isIn(forms);
                }
            }
        }
    }

    /**
     * Tasklist shows a task's name from its diagram in the diagram tab: a placeholder such as {@code ${projectId}}
     * shows as it is there. The diagram names the step; its listener gives the task the case's facts.
     */
    @Test
    void userTaskNamesInDiagramsAreStatic() throws IOException {
        for (Path file : diagrams()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                assertThat(task.getName()).as(task.getId() + " in " + file).isNotBlank().doesNotContain("${", "#{");
            }
        }
    }

    /**
     * Processes a timer starts are not offered in Tasklist's start list: administrators run them on demand from the
     * dashboard or through REST.
     */
    @Test
    void timerStartedProcessesAreNotInTasklistsStartList() throws IOException {
        int timerStarted = 0;
        for (Path file : diagrams()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                if (!start.getChildElementsByType(TimerEventDefinition.class).isEmpty()
                        && start.getParentElement() instanceof Process process) {
                    timerStarted++;
                    assertThat(process.isCamundaStartableInTasklist()).as(process.getId() + " startable in Tasklist").isFalse();
                }
            }
        }
        assertThat(timerStarted).as("timer-started processes found").isGreaterThanOrEqualTo(5);
    }

    /** The steps that take access away: with the job executor acquiring by priority they run before follow-up work. */
    static final Set<String> REVOKING_STEPS = Set.of("Task_RevokeTokensInRedcap", "Task_ExpireToken",
            "Task_RevokeNoLongerNeeded", "Task_RevokeOnRequest", "Task_RevokeForMisuse", "Task_BanHolder",
            "Task_SuspendToken", "Task_WithdrawRightsUntilRegenerated", "Task_RegenerateToken", "Task_RevokeFoundToken",
            "Task_RevokeFoundTokenOnRequest", "Task_RevokeUnattestedTokens", "Task_HoldSponsoredTokens",
            "Task_RevokeSponsoredTokens", "Task_ApplyAccessDecisions", "Task_ReduceApiRights",
            "Task_RefuseTokensReversibly", "Task_SuspendRedcapAccount", "Task_EndProjectAccess",
            // A revocation waiting for the REDCap budget: its timer must not queue behind follow-up work.
            "Timer_NextBudgetWindow");
    static final int REVOCATION_PRIORITY = 100;

    @Test
    void revokingStepsOutrankEveryOtherJob() throws IOException {
        Set<String> found = new java.util.TreeSet<>();
        for (Path diagram : diagrams()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                String priority = node.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "jobPriority");
                int value = priority == null ? 0 : Integer.parseInt(priority);
                if (REVOKING_STEPS.contains(node.getId())) {
                    found.add(node.getId());
                    assertThat(value).as(diagram + " " + node.getId()).isGreaterThanOrEqualTo(REVOCATION_PRIORITY);
                } else {
                    assertThat(value).as(diagram + " " + node.getId()).isLessThan(REVOCATION_PRIORITY);
                }
            }
        }
        assertThat(found).as("every revoking step still exists").containsExactlyInAnyOrderElementsOf(REVOKING_STEPS);
    }

    private static List<Path> diagrams() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            List<Path> bpmn = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
            assertThat(bpmn).isNotEmpty();
            return bpmn;
        }
    }
}
