package org.tokengov.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;
import org.tokengov.identity.RedcapAdministrators;

/**
 * The logged-in viewer with their groups, read from the identity store on every page (Camunda's own or Keycloak's
 * through the plugin), so a membership removed a minute ago no longer shows everyone's tokens. A login whose user is
 * gone from the store counts as none.
 */
@Component
class Viewers {

    private final DashboardLogin login;
    private final IdentityService identity;

    Viewers(DashboardLogin login, IdentityService identity) {
        this.login = login;
        this.identity = identity;
    }

    Optional<Viewer> current(HttpServletRequest request) {
        return login.username(request)
                .filter(username -> identity.createUserQuery().userId(username).count() == 1)
                .map(username -> {
                    List<String> groups = groupsOf(username);
                    return new Viewer(username, RedcapAdministrators.includeAnyOf(groups), groups);
                });
    }

    private List<String> groupsOf(String username) {
        return identity.createGroupQuery().groupMember(username).list().stream().map(Group::getId).toList();
    }
}
