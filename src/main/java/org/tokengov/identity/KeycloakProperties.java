package org.tokengov.identity;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tokengov.keycloak.*}, used with the {@code keycloak} profile: where Keycloak is, the app's confidential
 * client (its secret only from the environment, {@code TOKENGOV_KEYCLOAK_CLIENT_SECRET}), and the user
 * attributes that mark external users, their sponsor and service accounts.
 */
@Validated
@ConfigurationProperties("tokengov.keycloak")
public record KeycloakProperties(
        String serverUrl,
        @DefaultValue("tokengov") @NotBlank String realm,
        @DefaultValue("tokengov-app") @NotBlank String clientId,
        String clientSecret,
        @DefaultValue("external") @NotBlank String externalAttribute,
        @DefaultValue("sponsor") @NotBlank String sponsorAttribute,
        @DefaultValue("serviceAccount") @NotBlank String serviceAccountAttribute) {

    public String realmUrl() {
        return serverUrl + "/realms/" + realm;
    }

    public String adminUrl() {
        return serverUrl + "/admin/realms/" + realm;
    }

    @Override
    public String toString() {
        return "KeycloakProperties[serverUrl=" + serverUrl + ", realm=" + realm + ", clientId=" + clientId
                + ", clientSecret=***]";
    }
}
