package org.tokengov.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tokengov.redcap.RedcapApi;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapProjectUser;
import org.tokengov.redcap.TokenRights;
import org.tokengov.registry.TokenRequestRecord;

/**
 * Whether the project's PI has consented in REDCap: every requested API right enabled for the requester on the User
 * Rights page of both projects (for a member of a user role, in the role, as REDCap applies it). What is missing comes
 * back as sentences the requester and the PI understand. REDCap outages propagate: the step is retried, never decided.
 */
@Service
class PiConsentCheck {

    private final RedcapApi redcap;

    PiConsentCheck(RedcapApi redcap) {
        this.redcap = redcap;
    }

    /** One sentence per project whose PI has not enabled all the requested rights; empty: consent given in REDCap. */
    List<String> missing(TokenRequestRecord request) {
        TokenRights requested = new TokenRights(request.rightExport(), request.rightImport(), request.rightMobileApp());
        List<String> missing = new ArrayList<>();
        missing(RedcapEnvironment.PROD, request.productionProjectId(), request.requester(), requested).ifPresent(missing::add);
        missing(RedcapEnvironment.QA, request.qaProjectId(), request.requester(), requested).ifPresent(missing::add);
        return missing;
    }

    private Optional<String> missing(RedcapEnvironment environment, long projectId, String requester, TokenRights requested) {
        String project = (environment == RedcapEnvironment.PROD ? "project " : "QA project ") + projectId;
        Optional<RedcapProjectUser> user = redcap.findProjectUser(environment, projectId, requester);
        if (user.isEmpty()) {
            return Optional.of("You are not a user of REDCap " + project + ", so its PI cannot have enabled "
                    + requested.inWords() + " for you.");
        }
        TokenRights lacking = requested.beyond(user.get().apiRights());
        if (!lacking.any()) {
            return Optional.empty();
        }
        return Optional.of("The PI of " + project + " has not enabled " + lacking.inWords() + " for you"
                + (user.get().inRole() ? " (you are in the user role '" + user.get().roleName()
                        + "', whose rights apply to you)" : "") + ".");
    }
}
