package org.tokengov.identity.keycloak;

import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.tokengov.identity.KeycloakProperties;

/**
 * Camunda's users and groups from Keycloak, through the camunda-platform-7-keycloak identity provider plugin
 * (read-only: people are managed in Keycloak). User id = Keycloak username, group id = the group's path without the
 * leading slash, i.e. the group name for the realm's top-level groups (api-requesters, …), so the ids the BPMN,
 * authorizations and Tasklist filters use stay the same as with Camunda's own identity store. Members of
 * {@code camunda-admin} are Camunda administrators (the engine's own admin group). Password checks (HTTP Basic on
 * /engine-rest) go to Keycloak. Cache and other plugin settings can be overridden under
 * {@code tokengov.keycloak.camunda-plugin.*}.
 */
@Configuration
@Profile("keycloak")
class CamundaKeycloakIdentityConfiguration {

    @Bean
    @ConfigurationProperties("tokengov.keycloak.camunda-plugin")
    KeycloakIdentityProviderPlugin keycloakIdentityProviderPlugin(KeycloakProperties keycloak) {
        KeycloakIdentityProviderPlugin plugin = new KeycloakIdentityProviderPlugin();
        plugin.setKeycloakIssuerUrl(keycloak.realmUrl());
        plugin.setKeycloakAdminUrl(keycloak.adminUrl());
        plugin.setClientId(keycloak.clientId());
        plugin.setClientSecret(keycloak.clientSecret());
        plugin.setUseUsernameAsCamundaUserId(true);
        plugin.setUseGroupPathAsCamundaGroupId(true);
        // No administratorGroupName: camunda-admin is an admin group of every engine, and the app grants it its
        // authorizations at start-up one replica at a time; the plugin would grant them while the engine is built, and
        // two replicas starting on a new database collided on Camunda's unique key there.
        // Short-lived query cache: group changes (e.g. an entitlement granted by a process) show within a minute.
        // Password checks are never cached, so a disabled account is refused at once.
        plugin.setCacheEnabled(true);
        plugin.setCacheExpirationTimeoutMin(1);
        plugin.setLoginCacheEnabled(false);
        return plugin;
    }
}
