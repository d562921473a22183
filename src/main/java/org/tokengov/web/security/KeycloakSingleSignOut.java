package org.tokengov.web.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * Ends a user's Keycloak session from the server, with the refresh token of their login and the app's client
 * credentials (Keycloak's logout endpoint accepts that POST besides the browser redirect of OIDC RP-initiated
 * logout). Needed where the logout arrives as a JavaScript call that cannot be redirected to Keycloak: Camunda's
 * logout button. A failure is logged, never thrown: the local session ends anyway.
 */
class KeycloakSingleSignOut {

    private static final Logger log = LoggerFactory.getLogger(KeycloakSingleSignOut.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    void endSession(OAuth2AuthorizedClient login) {
        if (login == null || login.getRefreshToken() == null) {
            log.warn("No refresh token in the session; the Keycloak session (if any) stays until it expires");
            return;
        }
        ClientRegistration client = login.getClientRegistration();
        Object endpoint = client.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
        if (endpoint == null) {
            log.warn("Keycloak announced no end_session_endpoint; the Keycloak session of {} stays until it expires",
                    login.getPrincipalName());
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.toString()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "client_id", client.getClientId(),
                        "client_secret", client.getClientSecret(),
                        "refresh_token", login.getRefreshToken().getTokenValue()))))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                log.warn("Keycloak refused to end the session of {}: HTTP {}", login.getPrincipalName(), response.statusCode());
            }
        } catch (IOException e) {
            log.warn("Keycloak unreachable; the session of {} stays there until it expires: {}", login.getPrincipalName(),
                    e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
