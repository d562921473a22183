package org.tokengov.web.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Without Keycloak, Camunda authenticates every request itself, as it did before Spring Security was on the
 * classpath. Declaring this chain also keeps Spring Boot from adding its default one (form login and a generated
 * password).
 */
@Configuration
@Profile("!keycloak")
class CamundaLoginSecurityConfiguration {

    @Bean
    SecurityFilterChain camundaAuthenticatesEverything(HttpSecurity http) throws Exception {
        return PassThroughSecurity.apply(http).build();
    }
}
