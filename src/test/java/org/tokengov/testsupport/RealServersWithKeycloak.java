package org.tokengov.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@link RealServers} plus the real Keycloak as the identity ({@code keycloak} profile). The app reaches Keycloak
 * through {@link #KEYCLOAK_LINK}, a relay a test can cut to see how the app behaves when Keycloak is down.
 */
public class RealServersWithKeycloak extends RealServers {

    public static final SwitchableProxy KEYCLOAK_LINK = new SwitchableProxy(KeycloakTestServer.baseUrl());

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        super.initialize(context);
        TestPropertyValues.of(
                "tokengov.keycloak.server-url=" + KEYCLOAK_LINK.url(),
                "tokengov.keycloak.client-secret=" + KeycloakTestServer.clientSecret(),
                // Tests change Keycloak and look at the result at once: no cached group or user queries.
                "tokengov.keycloak.camunda-plugin.cache-enabled=false")
                .applyTo(context);
    }
}
