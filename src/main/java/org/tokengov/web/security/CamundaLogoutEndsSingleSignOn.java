package org.tokengov.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's logout button only removes the webapps' own authentication from the session; with single sign-on the
 * next request would log the user straight back in. Wrapped around Camunda's logout call ({@code POST
 * .../api/admin/auth/user/{engine}/logout}, still checked by Camunda's CSRF filter), a successful logout also ends
 * the HTTP session (Spring's login, the OIDC tokens) and the user's Keycloak session.
 */
final class CamundaLogoutEndsSingleSignOn extends OncePerRequestFilter {

    private final String registrationId;
    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final KeycloakSingleSignOut keycloak;

    CamundaLogoutEndsSingleSignOn(String registrationId, OAuth2AuthorizedClientRepository authorizedClients,
            KeycloakSingleSignOut keycloak) {
        this.registrationId = registrationId;
        this.authorizedClients = authorizedClients;
        this.keycloak = keycloak;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/logout"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        OAuth2AuthorizedClient login = user == null ? null : authorizedClients.loadAuthorizedClient(registrationId, user, request);
        chain.doFilter(request, response);
        if (response.getStatus() / 100 != 2) {
            return; // Camunda refused the logout (e.g. a missing CSRF token): nothing ends
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        keycloak.endSession(login);
    }
}
