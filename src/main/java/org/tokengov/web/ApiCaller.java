package org.tokengov.web;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import org.tokengov.identity.RedcapAdministrators;

/** Who calls the app's API: the user the Basic-auth filter authenticated, and whether they administer REDCap. */
@Component
class ApiCaller {

    record Caller(String userId, boolean admin) {
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
        return new Caller(authentication.getUserId(), RedcapAdministrators.includeAnyOf(authentication.getGroupIds()));
    }
}
