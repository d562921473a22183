package org.tokengov.engineaccess;

import static org.tokengov.engineaccess.Forbidden.CHANGE_IDENTITIES;
import static org.tokengov.engineaccess.Forbidden.CHANGE_TASKS;
import static org.tokengov.engineaccess.Forbidden.DEPLOY;
import static org.tokengov.engineaccess.Forbidden.END_WITH_ERROR;
import static org.tokengov.engineaccess.Forbidden.MOVE_PROCESSES;
import static org.tokengov.engineaccess.Forbidden.OPERATE;
import static org.tokengov.engineaccess.Forbidden.REASSIGN;
import static org.tokengov.engineaccess.Forbidden.SEND_MESSAGES;
import static org.tokengov.engineaccess.Forbidden.START_ELSEWHERE;
import static org.tokengov.engineaccess.Forbidden.WRITE_DATA;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.SetAnnotationForOperationLog;
import org.camunda.bpm.engine.impl.batch.DeleteBatchCmd;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.batch.history.DeleteHistoricBatchCmd;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractDeleteProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractDeleteProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetBatchStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetExternalTaskRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractUpdateProcessInstancesSuspendStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractWritableIdentityServiceCmd;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AddIdentityLinkForProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateMigrationPlanCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricCaseInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricCaseInstancesBulkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricTaskInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstancesByProcessInstanceIdCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkForProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMetricsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeletePropertyCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskMetricsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserInfoCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserOperationLogEntryCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserPictureCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.ExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.FetchExternalTasksCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.HistoryCleanupCmd;
import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.cmd.LicenseCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PurgeDatabaseAndCacheCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.RegisterDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.RegisterProcessApplicationCmd;
import org.camunda.bpm.engine.impl.cmd.ReportDbMetricsCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetAnnotationForIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SetProcessDefinitionVersionCmd;
import org.camunda.bpm.engine.impl.cmd.SetPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.SetUserInfoCmd;
import org.camunda.bpm.engine.impl.cmd.SetUserPictureCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.TelemetryConfigureCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockJobCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockUserCmd;
import org.camunda.bpm.engine.impl.cmd.UnregisterDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.UnregisterProcessApplicationCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateDecisionDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateProcessDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteHistoricProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricBatchesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricDecisionInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.CaseExecutionVariableCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.CreateCaseInstanceCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.UpdateCaseDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstanceByDefinitionIdCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstanceByInstanceIdCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstancesBatchCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstancesBulkCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd;

/**
 * What a person other than an administrator may ask of the engine, command by command. The commands that change
 * what people must not change are refused outright (by class, so the variants of a family are too); claiming,
 * completing, submitting forms, starting and commenting are checked; everything else (reads and queries) passes.
 * Delegating a step of a process is refused for everyone: it would be resolved by one person and completed by
 * another, crediting the decision to the wrong person.
 */
final class CommandRules {

    private record Rule(Class<?> type, Forbidden forbidden) {
    }

    private static final List<Rule> REFUSED = List.of(
            new Rule(StartProcessInstanceAtActivitiesCmd.class, START_ELSEWHERE),
            new Rule(EvaluateStartConditionCmd.class, START_ELSEWHERE),
            new Rule(CreateCaseInstanceCmd.class, START_ELSEWHERE),

            new Rule(AbstractVariableCmd.class, WRITE_DATA),
            new Rule(AbstractPatchVariablesCmd.class, WRITE_DATA),
            new Rule(SetVariablesToProcessInstancesBatchCmd.class, WRITE_DATA),
            new Rule(CaseExecutionVariableCmd.class, WRITE_DATA),
            new Rule(DeleteHistoricVariableInstanceCmd.class, WRITE_DATA),
            new Rule(DeleteHistoricVariableInstancesByProcessInstanceIdCmd.class, WRITE_DATA),

            new Rule(AbstractModificationCmd.class, MOVE_PROCESSES),
            new Rule(ModifyProcessInstanceCmd.class, MOVE_PROCESSES),
            new Rule(ModifyProcessInstanceAsyncCmd.class, MOVE_PROCESSES),
            new Rule(AbstractProcessInstanceModificationCommand.class, MOVE_PROCESSES),
            new Rule(AbstractRestartProcessInstanceCmd.class, MOVE_PROCESSES),
            new Rule(RestartProcessInstancesBatchCmd.class, MOVE_PROCESSES),
            new Rule(AbstractMigrationCmd.class, MOVE_PROCESSES),
            new Rule(CreateMigrationPlanCmd.class, MOVE_PROCESSES),
            new Rule(SetProcessDefinitionVersionCmd.class, MOVE_PROCESSES),
            new Rule(AbstractSetStateCmd.class, MOVE_PROCESSES),
            new Rule(AbstractUpdateProcessInstancesSuspendStateCmd.class, MOVE_PROCESSES),
            new Rule(AbstractDeleteProcessInstanceCmd.class, MOVE_PROCESSES),
            new Rule(DeleteProcessInstanceBatchCmd.class, MOVE_PROCESSES),
            new Rule(SignalCmd.class, MOVE_PROCESSES),

            new Rule(HandleTaskBpmnErrorCmd.class, END_WITH_ERROR),
            new Rule(HandleTaskEscalationCmd.class, END_WITH_ERROR),

            new Rule(AbstractSetTaskPropertyCmd.class, REASSIGN),
            new Rule(DeleteIdentityLinkCmd.class, REASSIGN),
            new Rule(AddIdentityLinkForProcessDefinitionCmd.class, REASSIGN),
            new Rule(DeleteIdentityLinkForProcessDefinitionCmd.class, REASSIGN),

            new Rule(CreateTaskCmd.class, CHANGE_TASKS),
            new Rule(SaveTaskCmd.class, CHANGE_TASKS),
            new Rule(DeleteTaskCmd.class, CHANGE_TASKS),
            new Rule(CreateAttachmentCmd.class, CHANGE_TASKS),
            new Rule(SaveAttachmentCmd.class, CHANGE_TASKS),
            new Rule(DeleteAttachmentCmd.class, CHANGE_TASKS),
            new Rule(UpdateCommentCmd.class, CHANGE_TASKS),
            new Rule(DeleteTaskCommentCmd.class, CHANGE_TASKS),
            new Rule(DeleteProcessInstanceCommentCmd.class, CHANGE_TASKS),
            new Rule(DeleteHistoricTaskInstanceCmd.class, CHANGE_TASKS),

            new Rule(AbstractCorrelateMessageCmd.class, SEND_MESSAGES),
            new Rule(CorrelateAllMessageBatchCmd.class, SEND_MESSAGES),
            new Rule(MessageEventReceivedCmd.class, SEND_MESSAGES),
            new Rule(SignalEventReceivedCmd.class, SEND_MESSAGES),

            new Rule(DeployCmd.class, DEPLOY),
            new Rule(DeleteDeploymentCmd.class, DEPLOY),
            new Rule(AbstractDeleteProcessDefinitionCmd.class, DEPLOY),
            new Rule(DeleteProcessDefinitionsByIdsCmd.class, DEPLOY),
            new Rule(RegisterDeploymentCmd.class, DEPLOY),
            new Rule(UnregisterDeploymentCmd.class, DEPLOY),
            new Rule(RegisterProcessApplicationCmd.class, DEPLOY),
            new Rule(UnregisterProcessApplicationCmd.class, DEPLOY),
            new Rule(UpdateProcessDefinitionHistoryTimeToLiveCmd.class, DEPLOY),
            new Rule(UpdateDecisionDefinitionHistoryTimeToLiveCmd.class, DEPLOY),
            new Rule(UpdateCaseDefinitionHistoryTimeToLiveCmd.class, DEPLOY),

            new Rule(AbstractWritableIdentityServiceCmd.class, CHANGE_IDENTITIES),
            new Rule(SetUserInfoCmd.class, CHANGE_IDENTITIES),
            new Rule(DeleteUserInfoCmd.class, CHANGE_IDENTITIES),
            new Rule(SetUserPictureCmd.class, CHANGE_IDENTITIES),
            new Rule(DeleteUserPictureCmd.class, CHANGE_IDENTITIES),
            new Rule(UnlockUserCmd.class, CHANGE_IDENTITIES),
            new Rule(SaveAuthorizationCmd.class, CHANGE_IDENTITIES),
            new Rule(DeleteAuthorizationCmd.class, CHANGE_IDENTITIES),

            new Rule(SetJobRetriesCmd.class, OPERATE),
            new Rule(AbstractSetJobsRetriesBatchCmd.class, OPERATE),
            new Rule(SetJobDuedateCmd.class, OPERATE),
            new Rule(RecalculateJobDuedateCmd.class, OPERATE),
            new Rule(SetJobPriorityCmd.class, OPERATE),
            new Rule(SetJobDefinitionPriorityCmd.class, OPERATE),
            new Rule(DeleteJobCmd.class, OPERATE),
            new Rule(DeleteJobsCmd.class, OPERATE),
            new Rule(ExecuteJobsCmd.class, OPERATE),
            new Rule(UnlockJobCmd.class, OPERATE),
            new Rule(JobRetryCmd.class, OPERATE),
            new Rule(AcquireJobsCmd.class, OPERATE),
            new Rule(CreateIncidentCmd.class, OPERATE),
            new Rule(ResolveIncidentCmd.class, OPERATE),
            new Rule(SetAnnotationForIncidentCmd.class, OPERATE),
            new Rule(AbstractSetBatchStateCmd.class, OPERATE),
            new Rule(DeleteBatchCmd.class, OPERATE),
            new Rule(DeleteHistoricBatchCmd.class, OPERATE),
            new Rule(ExternalTaskCmd.class, OPERATE),
            new Rule(FetchExternalTasksCmd.class, OPERATE),
            new Rule(AbstractSetExternalTaskRetriesCmd.class, OPERATE),
            new Rule(SaveFilterCmd.class, OPERATE),
            new Rule(DeleteFilterCmd.class, OPERATE),
            new Rule(DeleteHistoricProcessInstancesCmd.class, OPERATE),
            new Rule(DeleteHistoricProcessInstancesBatchCmd.class, OPERATE),
            new Rule(DeleteHistoricCaseInstanceCmd.class, OPERATE),
            new Rule(DeleteHistoricCaseInstancesBulkCmd.class, OPERATE),
            new Rule(DeleteHistoricDecisionInstanceByDefinitionIdCmd.class, OPERATE),
            new Rule(DeleteHistoricDecisionInstanceByInstanceIdCmd.class, OPERATE),
            new Rule(DeleteHistoricDecisionInstancesBatchCmd.class, OPERATE),
            new Rule(DeleteHistoricDecisionInstancesBulkCmd.class, OPERATE),
            new Rule(SetRemovalTimeToHistoricBatchesCmd.class, OPERATE),
            new Rule(SetRemovalTimeToHistoricDecisionInstancesCmd.class, OPERATE),
            new Rule(SetRemovalTimeToHistoricProcessInstancesCmd.class, OPERATE),
            new Rule(HistoryCleanupCmd.class, OPERATE),
            new Rule(DeleteUserOperationLogEntryCmd.class, OPERATE),
            new Rule(SetAnnotationForOperationLog.class, OPERATE),
            new Rule(DeleteMetricsCmd.class, OPERATE),
            new Rule(DeleteTaskMetricsCmd.class, OPERATE),
            new Rule(ReportDbMetricsCmd.class, OPERATE),
            new Rule(SetPropertyCmd.class, OPERATE),
            new Rule(DeletePropertyCmd.class, OPERATE),
            new Rule(LicenseCmd.class, OPERATE),
            new Rule(TelemetryConfigureCmd.class, OPERATE),
            new Rule(PurgeDatabaseAndCacheCmd.class, OPERATE));

    /** Checked one by one in {@link #judge} rather than refused by class (AssignTaskCmd is both: only giving back passes). */
    private static final Set<Class<?>> CHECKED = Set.of(DelegateTaskCmd.class, ResolveTaskCmd.class, ClaimTaskCmd.class,
            AssignTaskCmd.class, CompleteTaskCmd.class, SubmitTaskFormCmd.class, StartProcessInstanceCmd.class,
            SubmitStartFormCmd.class, AddCommentCmd.class);

    private final ProcessEngineConfigurationImpl engine;
    private final Administrators administrators;
    private final DeployedForms forms;

    CommandRules(ProcessEngineConfigurationImpl engine, Administrators administrators, DeployedForms forms) {
        this.engine = engine;
        this.administrators = administrators;
        this.forms = forms;
    }

    /** Why people other than administrators may never run commands of this type, if they may not. */
    static Optional<Forbidden> refusedOutright(Class<?> commandType) {
        return REFUSED.stream().filter(rule -> rule.type().isAssignableFrom(commandType)).map(Rule::forbidden).findFirst();
    }

    static boolean checked(Class<?> commandType) {
        return CHECKED.stream().anyMatch(type -> type.isAssignableFrom(commandType));
    }

    /**
     * The command to run for the caller (the one asked for, or the engine's own equivalent that their permissions
     * cover); throws the refusal if they may not. No caller is the application itself.
     */
    <T> Command<T> judge(Command<T> command, Authentication caller) {
        if (command instanceof DelegateTaskCmd || command instanceof ResolveTaskCmd) {
            judgeDelegation(command, caller);
            return command;
        }
        if (caller == null || caller.getUserId() == null || administrators.include(caller)) {
            return command;
        }
        if (!checked(command.getClass())) {
            refusedOutright(command.getClass()).ifPresent(forbidden -> {
                throw forbidden.refusal();
            });
            return command;
        }
        String user = caller.getUserId();
        if (command instanceof ClaimTaskCmd) {
            judgeClaim(CommandFields.read(command, "taskId", String.class), CommandFields.read(command, "userId", String.class), caller);
        } else if (command instanceof AssignTaskCmd) {
            return unclaimOwnStep(command, user);
        } else if (command instanceof CompleteTaskCmd) {
            judgeTaskForm(CommandFields.read(command, "taskId", String.class), CommandFields.read(command, "variables", Map.class),
                    caller);
        } else if (command instanceof SubmitTaskFormCmd) {
            judgeTaskForm(CommandFields.read(command, "taskId", String.class), CommandFields.read(command, "properties", Map.class),
                    caller);
        } else if (command instanceof StartProcessInstanceCmd) {
            judgeStart(CommandFields.read(command, "instantiationBuilder", ProcessInstantiationBuilderImpl.class));
        } else if (command instanceof SubmitStartFormCmd) {
            judgeStartForm(CommandFields.read(command, "processDefinitionId", String.class),
                    CommandFields.read(command, "businessKey", String.class), CommandFields.read(command, "variables", Map.class));
        } else if (command instanceof AddCommentCmd) {
            judgeComment(CommandFields.read(command, "taskId", String.class), caller);
        }
        return command;
    }

    private void judgeDelegation(Command<?> command, Authentication caller) {
        boolean processStep = TaskFacts.of(engine, CommandFields.read(command, "taskId", String.class))
                .map(TaskFacts::partOfProcess).orElse(false);
        if (processStep || caller != null && caller.getUserId() != null && !administrators.include(caller)) {
            throw Forbidden.DELEGATE.refusal();
        }
    }

    private void judgeClaim(String taskId, String claimant, Authentication caller) {
        String user = caller.getUserId();
        if (claimant != null && !claimant.equals(user)) {
            throw Forbidden.CLAIM_FOR_OTHERS.refusal();
        }
        if (claimant != null) {
            refuseUnlessOffered(taskId, caller);
        }
        if (claimant == null) {
            String assignee = TaskFacts.of(engine, taskId).map(TaskFacts::assignee).orElse(null);
            if (assignee != null && !assignee.equals(user)) {
                throw Forbidden.UNCLAIM_OTHERS.refusal();
            }
        }
    }

    /**
     * Camunda's REST API gives a step back by setting its assignee to nobody, which needs the permission to assign
     * that workers do not have (TASK_WORK); the engine's own way, a claim for nobody, needs only theirs. Giving back
     * one's own step therefore runs as that; anything else that sets an assignee is refused.
     */
    @SuppressWarnings("unchecked")
    private <T> Command<T> unclaimOwnStep(Command<T> command, String user) {
        String taskId = CommandFields.read(command, "taskId", String.class);
        if (CommandFields.read(command, "userId", String.class) != null) {
            throw REASSIGN.refusal();
        }
        if (!TaskFacts.of(engine, taskId).map(task -> task.isAssignedTo(user)).orElse(false)) {
            throw Forbidden.UNCLAIM_OTHERS.refusal();
        }
        return (Command<T>) new ClaimTaskCmd(taskId, null);
    }

    private void judgeTaskForm(String taskId, Map<String, ?> variables, Authentication caller) {
        refuseUnlessOffered(taskId, caller);
        forms.ofTask(taskId).ifPresent(form -> SubmittedVariables.check(variables, form));
    }

    /**
     * Camunda would refuse a step its authorizations do not give the caller, in its own words and with the step's id;
     * a process step is refused first, in plain words: reviews and approvals are offered to nobody who may not give them.
     */
    private void refuseUnlessOffered(String taskId, Authentication caller) {
        TaskFacts.of(engine, taskId).filter(TaskFacts::partOfProcess).ifPresent(task -> {
            if (!task.mayBeWorkedOnBy(caller.getUserId(), caller.getGroupIds())) {
                throw Forbidden.NOT_OFFERED.refusal();
            }
        });
    }

    /** Skipping listeners needs start instructions (Camunda refuses it at the default start), refused here anyway. */
    private void judgeStart(ProcessInstantiationBuilderImpl start) {
        ProcessInstanceModificationBuilderImpl instructions = start.getModificationBuilder();
        if (instructions != null && !instructions.getModificationOperations().isEmpty()) {
            throw START_ELSEWHERE.refusal();
        }
        if (start.getBusinessKey() != null) {
            throw Forbidden.CHOOSE_BUSINESS_KEY.refusal();
        }
        if (start.getCaseInstanceId() != null || start.isProcessDefinitionTenantIdSet()) {
            throw Forbidden.ANYTHING_ELSE.refusal();
        }
        Optional<FormFields> form = start.getProcessDefinitionId() != null ? forms.ofStart(start.getProcessDefinitionId())
                : forms.ofLatestStart(start.getProcessDefinitionKey());
        form.ifPresent(fields -> SubmittedVariables.check(start.getVariables(), fields));
    }

    private void judgeStartForm(String processDefinitionId, String businessKey, Map<String, ?> variables) {
        if (businessKey != null) {
            throw Forbidden.CHOOSE_BUSINESS_KEY.refusal();
        }
        forms.ofStart(processDefinitionId).ifPresent(form -> SubmittedVariables.check(variables, form));
    }

    private void judgeComment(String taskId, Authentication caller) {
        if (taskId == null) {
            throw Forbidden.COMMENT_ELSEWHERE.refusal();
        }
        TaskFacts.of(engine, taskId).ifPresent(task -> {
            if (!task.mayBeWorkedOnBy(caller.getUserId(), caller.getGroupIds())) {
                throw Forbidden.COMMENT_ELSEWHERE.refusal();
            }
        });
    }
}
