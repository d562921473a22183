package org.tokengov.web.security;

import jakarta.servlet.FilterConfig;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;

/**
 * Camunda's filter for logins done outside the webapps ("container-based"): it puts the user the provider names
 * into the webapps' session authentication. Spring creates it, so the provider comes with the constructor instead
 * of as a class name the servlet container would instantiate.
 */
final class CamundaSingleSignOnFilter extends ContainerBasedAuthenticationFilter {

    CamundaSingleSignOnFilter(AuthenticationProvider provider) {
        this.authenticationProvider = provider;
    }

    @Override
    public void init(FilterConfig filterConfig) {
        // The provider was given to the constructor; there is no init parameter to read.
    }
}
