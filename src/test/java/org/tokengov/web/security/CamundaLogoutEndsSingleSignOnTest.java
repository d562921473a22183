package org.tokengov.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

class CamundaLogoutEndsSingleSignOnTest {

    private static final String LOGOUT = "/camunda/api/admin/auth/user/default/logout";

    private final HttpSessionOAuth2AuthorizedClientRepository authorizedClients = new HttpSessionOAuth2AuthorizedClientRepository();
    private final List<OAuth2AuthorizedClient> endedAtKeycloak = new ArrayList<>();
    private final CamundaLogoutEndsSingleSignOn filter = new CamundaLogoutEndsSingleSignOn("keycloak", authorizedClients,
            new KeycloakSingleSignOut() {
                @Override
                void endSession(OAuth2AuthorizedClient login) {
                    endedAtKeycloak.add(login);
                }
            });

    private final MockHttpSession session = new MockHttpSession();
    private final Authentication alice = new TestingAuthenticationToken("alice", null, "OIDC_USER");

    @BeforeEach
    void aliceIsLoggedIn() {
        SecurityContextHolder.getContext().setAuthentication(alice);
        MockHttpServletRequest login = new MockHttpServletRequest();
        login.setSession(session);
        authorizedClients.saveAuthorizedClient(new OAuth2AuthorizedClient(keycloak(), "alice",
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access", Instant.now(), Instant.now().plusSeconds(300)),
                new OAuth2RefreshToken("refresh", Instant.now())), alice, login, new MockHttpServletResponse());
    }

    @AfterEach
    void clearLogin() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aLogoutCamundaAcceptedEndsTheSessionAndTheKeycloakSession() throws Exception {
        filter.doFilter(request("POST", LOGOUT), new MockHttpServletResponse(), camundaAnswers(200));

        assertThat(session.isInvalid()).isTrue();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(endedAtKeycloak).singleElement()
                .satisfies(login -> assertThat(login.getRefreshToken().getTokenValue()).isEqualTo("refresh"));
    }

    @Test
    void aLogoutCamundaRefusedEndsNothing() throws Exception {
        filter.doFilter(request("POST", LOGOUT), new MockHttpServletResponse(), camundaAnswers(403));

        assertThat(session.isInvalid()).isFalse();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isEqualTo(alice);
        assertThat(endedAtKeycloak).isEmpty();
    }

    @Test
    void otherCallsPassUntouched() throws Exception {
        filter.doFilter(request("GET", "/camunda/api/admin/auth/user/default"), new MockHttpServletResponse(), camundaAnswers(200));
        filter.doFilter(request("POST", "/camunda/api/admin/auth/user/default/login/tasklist"), new MockHttpServletResponse(),
                camundaAnswers(200));

        assertThat(session.isInvalid()).isFalse();
        assertThat(endedAtKeycloak).isEmpty();
    }

    private MockHttpServletRequest request(String method, String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        request.setSession(session);
        return request;
    }

    private static FilterChain camundaAnswers(int status) {
        return (request, response) -> ((HttpServletResponse) response).setStatus(status);
    }

    private static ClientRegistration keycloak() {
        return ClientRegistration.withRegistrationId("keycloak")
                .clientId("tokengov-app")
                .clientSecret("not-a-real-secret")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri("http://keycloak.invalid/auth")
                .tokenUri("http://keycloak.invalid/token")
                .build();
    }
}
