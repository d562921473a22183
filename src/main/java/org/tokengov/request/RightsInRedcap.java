package org.tokengov.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tokengov.redcap.RateBudgetExhaustedException;
import org.tokengov.redcap.RedcapApi;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapException;
import org.tokengov.redcap.RedcapProjectUser;
import org.tokengov.registry.TokenRequestRecord;

/**
 * The requester's API rights on the request's projects as REDCap applies them now: the PI's setting on the User Rights
 * page, or the user role's rights for a member of one (a role's rights win over the user's own). Reviewers and
 * approvers see these beside what was requested; a token can never do more than REDCap allows.
 */
@Component
class RightsInRedcap {

    private final RedcapApi redcap;

    RightsInRedcap(RedcapApi redcap) {
        this.redcap = redcap;
    }

    String describe(TokenRequestRecord request) {
        List<String> lines = new ArrayList<>();
        lines.add(line(RedcapEnvironment.PROD, request.productionProjectId(), request.requester()));
        lines.add(line(RedcapEnvironment.QA, request.qaProjectId(), request.requester()));
        return String.join("\n", lines);
    }

    private String line(RedcapEnvironment environment, long projectId, String requester) {
        String where = environment + " project " + projectId + ": ";
        Optional<RedcapProjectUser> user;
        try {
            user = redcap.findProjectUser(environment, projectId, requester);
        } catch (RateBudgetExhaustedException spent) {
            // Not unreadable, only later: the task's creation is a job, which waits for a later budget window.
            throw spent;
        } catch (RedcapException | IllegalStateException unreadable) {
            // The review goes on; the issuance checks REDCap again when it writes the token.
            return where + "could not be read from REDCap just now (" + unreadable.getMessage() + ")";
        }
        return where + user.map(RightsInRedcap::rights).orElse("not a user of the project");
    }

    private static String rights(RedcapProjectUser user) {
        List<String> rights = new ArrayList<>();
        if (user.apiExport()) {
            rights.add("API export");
        }
        if (user.apiImport()) {
            rights.add("API import");
        }
        if (user.mobileApp()) {
            rights.add("mobile app");
        }
        String granted = rights.isEmpty() ? "no API rights" : String.join(", ", rights);
        return user.inRole() ? granted + " (from the user role '" + user.roleName() + "')" : granted;
    }
}
