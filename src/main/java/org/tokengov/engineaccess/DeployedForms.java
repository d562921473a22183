package org.tokengov.engineaccess;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;

/**
 * The writable fields of the Camunda Form of a step or of a process start, as deployed with that process version
 * ({@code camunda:formRef}; Camunda resolves the binding, {@code deployment} in this project). A deployed form never
 * changes, so each is parsed once and kept by its form definition (one per deployment and form id). A step or start
 * without a Camunda Form has no writable fields. Empty when the step or process definition does not exist.
 */
final class DeployedForms {

    private final ProcessEngineConfigurationImpl engine;
    private final Map<String, FormFields> byFormDefinition = new ConcurrentHashMap<>();

    DeployedForms(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    Optional<FormFields> ofTask(String taskId) {
        return Optional.ofNullable(EngineReads.read(engine, context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return null;
            }
            return task.getTaskDefinition() == null ? FormFields.NONE : fieldsOf(new GetTaskFormCmd(taskId).execute(context), context);
        }));
    }

    Optional<FormFields> ofStart(String processDefinitionId) {
        return Optional.ofNullable(EngineReads.read(engine, context ->
                context.getProcessDefinitionManager().findLatestProcessDefinitionById(processDefinitionId) == null ? null
                        : fieldsOf(new GetStartFormCmd(processDefinitionId).execute(context), context)));
    }

    Optional<FormFields> ofLatestStart(String processDefinitionKey) {
        return Optional.ofNullable(EngineReads.read(engine, context -> {
            ProcessDefinitionEntity latest = context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(processDefinitionKey);
            return latest == null ? null : fieldsOf(new GetStartFormCmd(latest.getId()).execute(context), context);
        }));
    }

    private FormFields fieldsOf(FormData form, CommandContext context) {
        CamundaFormRef ref = form == null ? null : form.getCamundaFormRef();
        if (ref == null) {
            return FormFields.NONE;
        }
        CamundaFormDefinition definition = new GetCamundaFormDefinitionCmd(ref, form.getDeploymentId()).execute(context);
        if (definition == null) {
            return FormFields.NONE;
        }
        return byFormDefinition.computeIfAbsent(definition.getId(), id -> {
            ResourceEntity schema = context.getResourceManager()
                    .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
            return schema == null ? FormFields.NONE : FormFields.parse(schema.getBytes());
        });
    }
}
