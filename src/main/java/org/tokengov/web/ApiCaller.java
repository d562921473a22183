package org.tokengov.web;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import org.tokengov.identity.ContractGroups;
import org.tokengov.identity.RedcapAdministrators;

/**
 * Who calls the app's API: the user the Basic-auth filter authenticated, whether they administer REDCap, and whether
 * they are an API specialist (who reviews code).
 */
@Component
class ApiCaller {

    record Caller(String userId, boolean admin, boolean specialist) {
    }

    private final IdentityService identity;

    ApiCaller(IdentityService identity) {
        this.identity = identity;
    }

    Caller current() {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw new ApiErrors.NotAuthenticated();
        }
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        return new Caller(authentication.getUserId(), RedcapAdministrators.includeAnyOf(groups),
                groups.contains(ContractGroups.SPECIALISTS));
    }
}
