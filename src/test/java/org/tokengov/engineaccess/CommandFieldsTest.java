package org.tokengov.engineaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.junit.jupiter.api.Test;

/** The guard reads Camunda 7.24's commands by their field names: each one it reads, read from the real class. */
class CommandFieldsTest {

    @Test
    void readsWhatEachCheckedCommandWasAskedToDo() {
        assertThat(CommandFields.read(new ClaimTaskCmd("task-1", "alice"), "taskId", String.class)).isEqualTo("task-1");
        assertThat(CommandFields.read(new ClaimTaskCmd("task-1", "alice"), "userId", String.class)).isEqualTo("alice");
        assertThat(CommandFields.read(new AssignTaskCmd("task-2", "bob"), "taskId", String.class)).isEqualTo("task-2");
        assertThat(CommandFields.read(new AssignTaskCmd("task-2", "bob"), "userId", String.class)).isEqualTo("bob");
        assertThat(CommandFields.read(new CompleteTaskCmd("task-3", Map.of("a", 1)), "variables", Map.class)).containsEntry("a", 1);
        assertThat(CommandFields.read(new ResolveTaskCmd("task-4", Map.of()), "taskId", String.class)).isEqualTo("task-4");
        assertThat(CommandFields.read(new SubmitTaskFormCmd("task-5", Map.of("b", 2), false, false), "properties", Map.class))
                .containsEntry("b", 2);
        assertThat(CommandFields.read(new SubmitStartFormCmd("definition-1", "key-1", Map.of("c", 3)), "processDefinitionId",
                String.class)).isEqualTo("definition-1");
        assertThat(CommandFields.read(new SubmitStartFormCmd("definition-1", "key-1", Map.of("c", 3)), "businessKey", String.class))
                .isEqualTo("key-1");
        assertThat(CommandFields.read(new SubmitStartFormCmd("definition-1", null, Map.of("c", 3)), "variables", Map.class))
                .containsEntry("c", 3);
        assertThat(CommandFields.read(new AddCommentCmd("task-6", null, "Looks fine"), "taskId", String.class)).isEqualTo("task-6");
        assertThat(CommandFields.read(new DelegateTaskCmd("task-7", "carol"), "taskId", String.class)).isEqualTo("task-7");

        ProcessInstantiationBuilderImpl start = (ProcessInstantiationBuilderImpl) ProcessInstantiationBuilderImpl
                .createProcessInstanceByKey(null, "TokenRequestProcess");
        assertThat(CommandFields.read(new StartProcessInstanceCmd(start), "instantiationBuilder", ProcessInstantiationBuilderImpl.class))
                .isSameAs(start);
    }

    @Test
    void aFieldThatIsNotThereIsAnErrorNotAGuess() {
        assertThatThrownBy(() -> CommandFields.read(new ClaimTaskCmd("task-1", "alice"), "assignee", String.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no field assignee");
    }
}
