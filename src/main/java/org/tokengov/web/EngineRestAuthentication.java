package org.tokengov.web;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /engine-rest} and the app's own API {@code /api} answer only to HTTP Basic authentication against the
 * identity store (Camunda's own, or Keycloak's through the plugin), so every start and completion has a known user,
 * and the engine's authorization checks apply to it. The user is the engine's current authentication meanwhile.
 */
@Configuration
class EngineRestAuthentication {

    @Bean
    FilterRegistrationBean<Filter> engineRestAuthenticationFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        // Not /api/hr nor /api/usage-events: their senders sign each delivery instead (Standard Webhooks).
        registration.addUrlPatterns("/engine-rest/*", "/api/tokens", "/api/tokens/*", "/api/audit", "/api/audit/*",
                "/api/offboardings", "/api/offboardings/*", "/api/onboarding", "/api/onboarding/*", "/api/reconciliations", "/api/access",
                "/api/requests", "/api/leaks/*", "/api/fair-use/*");
        return registration;
    }
}
