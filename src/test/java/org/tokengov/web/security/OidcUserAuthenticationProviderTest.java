package org.tokengov.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

class OidcUserAuthenticationProviderTest {

    private final OidcUserAuthenticationProvider provider = new OidcUserAuthenticationProvider();

    @AfterEach
    void clearLogin() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theCamundaUserIsTheKeycloakUsernameAndCamundaLooksUpTheGroups() {
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token")
                .claim("sub", "6b1f0c3e-keycloak-user-id")
                .claim("preferred_username", "alice")
                .build();
        SecurityContextHolder.getContext().setAuthentication(new OAuth2AuthenticationToken(
                new DefaultOidcUser(AuthorityUtils.createAuthorityList("OIDC_USER"), idToken), List.of(), "keycloak"));

        AuthenticationResult result = provider.extractAuthenticatedUser(new MockHttpServletRequest(), null);

        assertThat(result.isAuthenticated()).isTrue();
        assertThat(result.getAuthenticatedUser()).isEqualTo("alice");
        assertThat(result.getGroups()).as("left to Camunda, which asks the identity plugin").isNull();
    }

    @Test
    void withoutAnOidcLoginNobodyIsAuthenticated() {
        assertThat(provider.extractAuthenticatedUser(new MockHttpServletRequest(), null).isAuthenticated()).isFalse();

        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThat(provider.extractAuthenticatedUser(new MockHttpServletRequest(), null).isAuthenticated()).isFalse();
    }
}
