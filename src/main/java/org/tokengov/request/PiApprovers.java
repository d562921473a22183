package org.tokengov.request;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.tokengov.identity.ContractGroups;
import org.tokengov.identity.PeopleDirectory;
import org.tokengov.identity.Person;
import org.tokengov.redcap.ProjectPis;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.TokenRequestRecord;

/**
 * Who may consent for the PI on {@code Task_ApproveAsPi}: the production project's users with full User Rights in
 * REDCap who are active people in the identity store (not this system's own REDCap account, nor anyone who cannot sign
 * in), never the requester. A requester who is the project's only such user is decided on by the REDCap
 * administrators (again never the requester), so nobody consents to their own API access.
 */
@Service
class PiApprovers {

    private final ProjectPis projectPis;
    private final PeopleDirectory people;

    PiApprovers(ProjectPis projectPis, PeopleDirectory people) {
        this.projectPis = projectPis;
        this.people = people;
    }

    /** @param fresh ask REDCap now (for a permission), not what was remembered a few minutes ago (for offering) */
    Set<String> of(TokenRequestRecord request, boolean fresh) {
        List<String> pis = fresh ? projectPis.ofNow(RedcapEnvironment.PROD, request.productionProjectId())
                : projectPis.of(RedcapEnvironment.PROD, request.productionProjectId());
        Set<String> approvers = others(pis.stream().filter(this::signsIn).toList(), request.requester());
        return approvers.isEmpty()
                ? others(people.membersOf(ContractGroups.ADMINS).stream().map(Person::username).toList(), request.requester())
                : approvers;
    }

    private boolean signsIn(String username) {
        return people.find(username).filter(Person::active).isPresent();
    }

    private static Set<String> others(List<String> usernames, String requester) {
        Set<String> others = new LinkedHashSet<>();
        usernames.stream().filter(username -> !username.equalsIgnoreCase(requester)).forEach(others::add);
        return others;
    }
}
