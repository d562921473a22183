package org.tokengov.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * The {@code keycloak} profile's login: Spring Security's OIDC login, which already guards every page that is not a
 * machine endpoint. The Keycloak username ({@code preferred_username}) is the user id Camunda's Keycloak plugin uses,
 * as for Tasklist.
 */
@Component
@Profile("keycloak")
class OidcLogin implements DashboardLogin {

    @Override
    public Optional<String> username(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user
                && user.getPreferredUsername() != null && !user.getPreferredUsername().isBlank()) {
            return Optional.of(user.getPreferredUsername());
        }
        return Optional.empty();
    }
}
