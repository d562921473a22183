package org.tokengov.web.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * Spring Security stepping aside for endpoints that authenticate themselves: Camunda's webapps (their own login and
 * CSRF filter), {@code /engine-rest} (Camunda's Basic-auth filter), the REDCap simulator (API tokens). No login, no
 * CSRF token, no session and no extra headers from Spring, so those endpoints answer exactly as without it.
 */
final class PassThroughSecurity {

    private PassThroughSecurity() {
    }

    static HttpSecurity apply(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .servletApi(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    }
}
