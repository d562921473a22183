package org.tokengov.tasklist;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.tokengov.identity.ContractGroups.ADMINS;
import static org.tokengov.identity.ContractGroups.PIS;
import static org.tokengov.identity.ContractGroups.REQUESTERS;
import static org.tokengov.identity.ContractGroups.SPECIALISTS;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the Tasklist filters of each group at start-up, in every profile, so a new installation has them without
 * clicking them together in Tasklist. A filter that exists by name is left as an administrator may have changed it.
 */
@Component
class TasklistFilters implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

    record TaskFilter(String name, int priority, String description, TaskQuery query, List<String> groups) {
    }

    private static final String CURRENT_USER = "${currentUser()}";
    private static final String[] CODE_REVIEWS = {"Task_ReviewCode", "Task_ReviewChange", "Task_ReviewFix"};
    private static final String[] APPROVALS = {"Task_ApproveRelease", "Task_ApproveReinstatement", "Task_DecideOnRejectedChange"};
    private static final String[] BY_HAND = {"Task_CreateTokenInControlCenter", "Task_RegenerateInControlCenter"};
    private static final List<String> OFFERED_PER_PERSON = List.of(CODE_REVIEWS[0], APPROVALS[0], BY_HAND[0]);

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (TaskFilter filter : definitions()) {
            List<Filter> existing = filters.createFilterQuery().filterName(filter.name()).list();
            if (existing.isEmpty()) {
                create(filter);
                log.info("Tasklist filter '{}' created for {}", filter.name(), filter.groups());
            } else {
                existing.forEach(this::upgradeGroupQuery);
            }
        }
    }

    /**
     * Reviews and approvals are offered to the people who may give them (never to the requester), not to a whole group:
     * a filter as an earlier version created it, by candidate group, now asks for the user's own candidacies. A filter an
     * administrator gave another query is left as it is.
     */
    private void upgradeGroupQuery(Filter filter) {
        if (filter.getQuery() instanceof TaskQueryImpl query && query.getCandidateGroup() != null
                && query.getKeys() != null && OFFERED_PER_PERSON.contains(List.of(query.getKeys()).get(0))) {
            TaskQuery upgraded = tasks.createTaskQuery().taskCandidateUserExpression(CURRENT_USER).includeAssignedTasks()
                    .taskDefinitionKeyIn(query.getKeys());
            filters.saveFilter(filter.setQuery(upgraded));
            log.info("Tasklist filter '{}' now shows the tasks offered to each user", filter.getName());
        }
    }

    List<TaskFilter> definitions() {
        return List.of(
                new TaskFilter("My tasks", -10, "Everything assigned to you",
                        tasks.createTaskQuery().taskAssigneeExpression(CURRENT_USER),
                        List.of(REQUESTERS, SPECIALISTS, ADMINS, PIS)),
                new TaskFilter("My requests", -5, "Steps of your own token requests and tokens: testing in QA, renewals,"
                        + " fixes, attestations, fair use",
                        tasks.createTaskQuery().taskAssigneeExpression(CURRENT_USER).taskDefinitionKeyIn(
                                "Task_DevelopAndTestInQa", "Task_ConfirmRenewal", "Task_RetestFixInQa",
                                "Task_RetestChangeInQa", "Task_AttestPolicy", "Task_ConfirmFairUseFix"),
                        List.of(REQUESTERS)),
                // Reviews and approvals are offered to each person who may give them, never to the requester.
                new TaskFilter("Code reviews", 0, "Code of requesters to review: first releases, changes and fixes",
                        offeredToMe(CODE_REVIEWS), List.of(SPECIALISTS)),
                new TaskFilter("Approvals", 0, "Production releases, reinstatements and rejected changes to decide",
                        offeredToMe(APPROVALS), List.of(ADMINS)),
                // Offered to each administrator but the token's holder.
                new TaskFilter("Fair-use cases", 0, "Misuse cases to decide: dismiss, warn or suspend",
                        offeredToMe("Task_DecideOnFairUseCase"), List.of(ADMINS)),
                new TaskFilter("Tokens to create by hand", 5, "Tokens to create or regenerate in REDCap's Control Center",
                        offeredToMe(BY_HAND), List.of(ADMINS)),
                // PIs are candidate users of their projects' reviews and consents (from REDCap's User Rights), so the
                // queries need no candidate restriction: the engine shows each user only the tasks they may work on.
                new TaskFilter("Access reviews", 0, "Who may keep API access to your projects",
                        tasks.createTaskQuery().taskDefinitionKey("Task_ReviewProjectAccess"), List.of(PIS, ADMINS)),
                new TaskFilter("API access to consent to", 0, "People asking for API rights on your projects that REDCap "
                        + "does not enable for them", tasks.createTaskQuery().taskDefinitionKey("Task_ApproveAsPi"),
                        List.of(PIS, ADMINS)),
                new TaskFilter("Sponsors to replace", 0, "External users whose sponsor left",
                        tasks.createTaskQuery().taskDefinitionKey("Task_NameNewSponsor"), List.of(PIS, ADMINS)));
    }

    private TaskQuery offeredToMe(String... taskKeys) {
        return tasks.createTaskQuery().taskCandidateUserExpression(CURRENT_USER).includeAssignedTasks()
                .taskDefinitionKeyIn(taskKeys);
    }

    private void create(TaskFilter definition) {
        Filter filter = filters.newTaskFilter(definition.name())
                .setProperties(Map.of("priority", definition.priority(), "description", definition.description(),
                        "refresh", true))
                .setQuery(definition.query());
        filters.saveFilter(filter);
        for (String group : definition.groups()) {
            Authorization read = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            read.setGroupId(group);
            read.setResource(Resources.FILTER);
            read.setResourceId(filter.getId());
            read.addPermission(Permissions.READ);
            authorizations.saveAuthorization(read);
        }
    }
}
