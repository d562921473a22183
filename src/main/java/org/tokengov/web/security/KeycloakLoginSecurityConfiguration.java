package org.tokengov.web.security;

import java.util.List;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * With the {@code keycloak} profile people log in through Keycloak (OIDC, registration {@value #REGISTRATION_ID} in
 * application-keycloak.yml) before they reach Tasklist, Cockpit, Admin or the app's own pages. The Camunda webapps
 * take the user from that login; {@code /engine-rest} keeps HTTP Basic against the identity store (Camunda's filter,
 * which with the Keycloak plugin checks Keycloak passwords); the REDCap simulator stays open, as it stands in for
 * another server.
 */
@Configuration
@Profile("keycloak")
class KeycloakLoginSecurityConfiguration {

    static final String REGISTRATION_ID = "keycloak";

    /**
     * Inside Spring Security's filter chain (so its security context is set) and before Camunda's webapp filters,
     * which Camunda registers last: its authentication filter must find the user already in the session.
     */
    private static final int AFTER_SPRING_SECURITY = SecurityProperties.DEFAULT_FILTER_ORDER + 10;

    /**
     * Endpoints for programs, not people: they authenticate by their own means (Basic, API tokens, signatures) and
     * must never answer with a login page. A new machine endpoint (e.g. the HR webhook or SCIM) belongs here.
     * {@code /actuator/**} is for Kubernetes probes and Prometheus, which do not log in: it exposes only health
     * statuses without details and metrics without secrets (see application.yml, {@code management.*}).
     */
    private static final List<String> MACHINE_ENDPOINTS = List.of("/engine-rest/**", "/api/**", "/scim/**", "/redcap-sim/**",
            "/actuator/**");

    @Bean
    @Order(1)
    SecurityFilterChain machineEndpoints(HttpSecurity http) throws Exception {
        http.securityMatcher(new OrRequestMatcher(MACHINE_ENDPOINTS.stream().map(KeycloakLoginSecurityConfiguration::path).toList()));
        return PassThroughSecurity.apply(http).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain keycloakLogin(HttpSecurity http, ClientRegistrationRepository registrations, CamundaBpmProperties camunda)
            throws Exception {
        String webapps = camunda.getWebapp().getApplicationPath();
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/error")).permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(Customizer.withDefaults())
                // The webapps' JavaScript calls their API: without a login it gets 401, which it understands, instead of
                // a redirect to Keycloak's HTML. (Registered before oauth2Login's entry point, so it wins for these paths.)
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), path(webapps + "/api/**")))
                // The webapps have their own CSRF protection (XSRF-TOKEN cookie, X-XSRF-TOKEN header); Spring's on top
                // would refuse their calls. Everything else, e.g. Spring's /logout, keeps Spring's.
                .csrf(csrf -> csrf.ignoringRequestMatchers(path(webapps + "/**")))
                .logout(logout -> logout.logoutSuccessHandler(rpInitiatedLogout(registrations)))
                .build();
    }

    /** The OIDC tokens of a login live and die with its HTTP session (Boot's default keeps them in memory). */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    FilterRegistrationBean<CamundaSingleSignOnFilter> camundaSingleSignOn(CamundaBpmProperties camunda) {
        FilterRegistrationBean<CamundaSingleSignOnFilter> registration =
                new FilterRegistrationBean<>(new CamundaSingleSignOnFilter(new OidcUserAuthenticationProvider()));
        registration.setName("camunda-single-sign-on");
        registration.addUrlPatterns(camunda.getWebapp().getApplicationPath() + "/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }

    @Bean
    FilterRegistrationBean<CamundaLogoutEndsSingleSignOn> camundaLogoutEndsSingleSignOn(CamundaBpmProperties camunda,
            OAuth2AuthorizedClientRepository authorizedClients) {
        FilterRegistrationBean<CamundaLogoutEndsSingleSignOn> registration = new FilterRegistrationBean<>(
                new CamundaLogoutEndsSingleSignOn(REGISTRATION_ID, authorizedClients, new KeycloakSingleSignOut()));
        registration.setName("camunda-logout-ends-single-sign-on");
        registration.addUrlPatterns(camunda.getWebapp().getApplicationPath() + "/api/admin/auth/user/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }

    /** Spring's own {@code /logout} (for the app's pages): OIDC RP-initiated logout, back to the start page. */
    private static OidcClientInitiatedLogoutSuccessHandler rpInitiatedLogout(ClientRegistrationRepository registrations) {
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/");
        return handler;
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }
}
