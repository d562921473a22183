package org.tokengov.web;

import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who calls the app's API: the user the Basic-auth filter authenticated, and whether they administer REDCap. */
@Component
class ApiCaller {

    static final Set<String> ADMIN_GROUPS = Set.of("redcap-admins", "camunda-admin");

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
        boolean admin = authentication.getGroupIds() != null
                && authentication.getGroupIds().stream().anyMatch(ADMIN_GROUPS::contains);
        return new Caller(authentication.getUserId(), admin);
    }
}
