package org.tokengov.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Tells Camunda's webapps who logged in: the user of Spring Security's OIDC login, by Keycloak username
 * ({@code preferred_username}), which is also the user id the Keycloak identity plugin gives Camunda. Groups are
 * left unset on purpose: Camunda then asks the plugin, so the webapps and {@code /engine-rest} see the same
 * memberships, refreshed by the webapps' authentication cache rather than frozen in the ID token.
 */
final class OidcUserAuthenticationProvider implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user
                && user.getPreferredUsername() != null && !user.getPreferredUsername().isBlank()) {
            return new AuthenticationResult(user.getPreferredUsername(), true);
        }
        return AuthenticationResult.unsuccessful();
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Nothing to add: Spring Security sends visitors without a login to Keycloak before they get here.
    }
}
