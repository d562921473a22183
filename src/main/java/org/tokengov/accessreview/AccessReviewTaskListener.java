package org.tokengov.accessreview;

import static org.tokengov.accessreview.AccessReviewVariables.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.tokengov.identity.ContractGroups;
import org.tokengov.redcap.TokenRights;
import org.tokengov.usertask.TaskActor;
import org.tokengov.usertask.TaskNames;

/**
 * {@code Task_ReviewProjectAccess}. On create: the project's PIs are its candidates (the REDCap administrators when
 * it has none) and are told; the task shows each live token's last 90 days of API calls and fair-use findings. On
 * complete, enforced by the engine because a REST caller can skip the form: only a PI of the project or a REDCap
 * administrator answers (REST: 403), and the answer must be valid (REST: 400): whom to revoke, of those whose project
 * access ends too, and whose API rights are reduced to which.
 */
@Component("accessReviewTaskListener")
class AccessReviewTaskListener implements TaskListener {

    static final String FORM = "access-review";

    private final AccessReviews reviews;

    AccessReviewTaskListener(AccessReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task);
        } else {
            completing(task);
        }
    }

    private void created(DelegateTask task) {
        TaskNames.apply(task, "Review API access to REDCap project " + TaskNames.fact(task, PROJECT_ID) + " ("
                + TaskNames.fact(task, ENVIRONMENT) + ")");
        List<String> pis = projectPis(task);
        if (pis.isEmpty()) {
            task.addCandidateGroup(ContractGroups.ADMINS);
        } else {
            task.addCandidateUsers(pis);
        }
        task.setVariable(REVIEW_TASK_ID, Variables.stringValue(task.getId()));
        task.setVariableLocal(RECENT_API_USE_TEXT, Variables.stringValue(reviews.recentUse(project(task))));
        reviews.requested(project(task), pis, tokenHolders(task));
    }

    private void completing(DelegateTask task) {
        String actor = TaskActor.of(task);
        if (actor == null || !(isCandidateUser(task, actor) || isAdministrator(task, actor))) {
            throw new AuthorizationException((actor == null ? "An unknown user" : actor) + " may not complete '"
                    + task.getName() + "': only the project's PIs (users with User Rights on it in REDCap) and "
                    + "REDCap administrators review its API access.");
        }
        AccessReviewAnswer answer;
        List<String> ending;
        Map<String, TokenRights> reductions;
        try {
            answer = AccessReviewAnswer.read(task.getVariable(USERNAMES_TO_REVOKE), task.getVariable(ACCESS_REVIEWED),
                    tokenHolders(task));
            ending = ProjectAccessEndings.read(task.getVariable(USERNAMES_TO_END_PROJECT_ACCESS), answer.revoke(),
                    project(task));
            reductions = RightsReductions.read(task.getVariable(RIGHTS_TO_REDUCE), answer.revoke(), holderRights(task));
        } catch (AccessReviewAnswer.Invalid invalid) {
            throw new FormFieldValidationException(FORM, "Cannot complete '" + task.getName() + "': " + invalid.getMessage());
        }
        task.setVariable(USERNAMES_TO_REVOKE, Variables.stringValue(String.join(",", answer.revoke())));
        task.setVariable(USERNAMES_TO_END_PROJECT_ACCESS, Variables.stringValue(String.join(",", ending)));
        task.setVariable(RIGHTS_TO_REDUCE, Variables.stringValue(RightsReductions.write(reductions)));
        task.setVariable(REVIEWED_BY, Variables.stringValue(actor));
    }

    private static boolean isCandidateUser(DelegateTask task, String actor) {
        return task.getCandidates().stream().anyMatch(link -> actor.equalsIgnoreCase(link.getUserId()));
    }

    /** Group membership as the engine's authorization checks see it: the authenticated caller's groups. */
    private static boolean isAdministrator(DelegateTask task, String actor) {
        Authentication caller = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return caller != null && actor.equals(caller.getUserId()) && caller.getGroupIds() != null
                && caller.getGroupIds().contains(ContractGroups.ADMINS);
    }
}
