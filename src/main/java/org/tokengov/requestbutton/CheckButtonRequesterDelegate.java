package org.tokengov.requestbutton;

import static org.tokengov.requestbutton.RequestButtonVariables.*;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.tokengov.identity.ContractGroups;
import org.tokengov.identity.PeopleDirectory;
import org.tokengov.identity.Person;

/**
 * {@code Task_CheckRequester}: the survey is offered only to someone who may start a token request in Tasklist (an
 * active member of {@code api-requesters}), once per person and project at a time; any other to-do row is archived at
 * once, saying why. The requester is the one the taken row names (REDCap's {@code request_from}), never a variable.
 * An identity store outage becomes a retry.
 */
@Component("checkButtonRequesterDelegate")
class CheckButtonRequesterDelegate implements JavaDelegate {

    private final TakenRows rows;
    private final PeopleDirectory people;

    CheckButtonRequesterDelegate(TakenRows rows, PeopleDirectory people) {
        this.rows = rows;
        this.people = people;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TakenRow row = rows.ofProcess(execution.getProcessInstanceId()).orElseThrow(() -> new IllegalStateException(
                "This process was not started by REDCap's request button: no to-do row was taken in for it"));
        Optional<String> refusal = refusal(row.requester()).or(() -> rows.earlierOpenRequest(row).map(earlier ->
                row.requester() + " already asked for a token on this project (to-do " + earlier + "), which is still open"));
        execution.setVariable(REQUESTER_ENTITLED, Variables.booleanValue(refusal.isEmpty()));
        execution.setVariable(NOT_ENTITLED_REASON, Variables.stringValue(refusal.orElse(null)));
    }

    private Optional<String> refusal(String username) {
        if (username == null) {
            return Optional.of("REDCap no longer knows the user who asked");
        }
        Optional<Person> person = people.find(username);
        if (person.isEmpty() || !person.get().active()) {
            return Optional.of(username + " has no active account in API token governance's identity store");
        }
        boolean requester = people.membersOf(ContractGroups.REQUESTERS).stream()
                .anyMatch(member -> member.username().equals(username));
        return requester ? Optional.empty()
                : Optional.of(username + " is not in the group " + ContractGroups.REQUESTERS + ", who may request API tokens");
    }
}
