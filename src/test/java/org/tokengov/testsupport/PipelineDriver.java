package org.tokengov.testsupport;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** Drives the request pipeline through the engine's Java API as the people in it would, for integration tests. */
public class PipelineDriver {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final ManagementService management;

    public PipelineDriver(RuntimeService runtime, TaskService tasks, IdentityService identity, ManagementService management) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
        this.management = management;
    }

    /** A valid request for production project 101 and QA project 201, submitted by the requester. */
    public ProcessInstance submitRequest(String requester) {
        return submitRequest(requester, "Nightly export of new visits for the dashboard, filtered by date.");
    }

    /** The same request, with the requester's own words on how the token is used (what mails quote back). */
    public ProcessInstance submitRequest(String requester, String usageDescription) {
        return as(requester, List.of("api-requesters"), () -> runtime.startProcessInstanceByKey("TokenRequestProcess", Map.of(
                "productionProjectId", 101L, "qaProjectId", 201L, "rightExport", true, "rightImport", false,
                "rightMobileApp", false, "fairUseAccepted", true, "intendedUse", "SCHEDULED_EXPORT",
                "usageDescription", usageDescription, "callSchedule", "Nightly at 02:00", "expectedCallsPerDay", 10L)));
    }

    /** Submits, runs the asynchronous steps, and lets the sponsor confirm where one is asked: the QA token is issued. */
    public ProcessInstance requestUntilQaToken(String requester) {
        ProcessInstance request = submitRequest(requester);
        Jobs.runDue(management);
        Task sponsorship = tasks.createTaskQuery().processInstanceId(request.getId())
                .taskDefinitionKey("Task_ConfirmSponsorship").singleResult();
        if (sponsorship != null) {
            complete(sponsorship.getAssignee(), List.of("project-pis"), sponsorship, Map.of("sponsorshipConfirmed", true));
            Jobs.runDue(management);
        }
        return request;
    }

    public void complete(String user, List<String> groups, Task task, Map<String, Object> variables) {
        as(user, groups, () -> {
            tasks.complete(task.getId(), variables);
            return null;
        });
    }

    public Task waitingTask(ProcessInstance request) {
        return tasks.createTaskQuery().processInstanceId(request.getId()).singleResult();
    }

    private <T> T as(String user, List<String> groups, java.util.function.Supplier<T> action) {
        identity.setAuthentication(user, groups);
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
