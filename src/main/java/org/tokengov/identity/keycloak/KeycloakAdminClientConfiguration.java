package org.tokengov.identity.keycloak;

import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.tokengov.identity.KeycloakProperties;

/** The admin client, acting as the app's own service account (not as a Keycloak administrator). */
@Configuration
@Profile("keycloak")
class KeycloakAdminClientConfiguration {

    @Bean(destroyMethod = "close")
    Keycloak keycloakAdminClient(KeycloakProperties properties) {
        if (properties.serverUrl() == null || properties.serverUrl().isBlank()
                || properties.clientSecret() == null || properties.clientSecret().isBlank()) {
            throw new IllegalStateException("The keycloak profile needs tokengov.keycloak.server-url (TOKENGOV_KEYCLOAK_URL) "
                    + "and tokengov.keycloak.client-secret (TOKENGOV_KEYCLOAK_CLIENT_SECRET)");
        }
        return KeycloakBuilder.builder()
                .serverUrl(properties.serverUrl())
                .realm(properties.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .build();
    }

    @Bean
    RealmResource tokengovRealm(Keycloak keycloakAdminClient, KeycloakProperties properties) {
        return keycloakAdminClient.realm(properties.realm());
    }
}
