package org.tokengov.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The embedded default's login: the one of Camunda's webapps. Their login form stores the user in the HTTP session
 * (Camunda's {@code Authentications}, per engine), which the dashboard shares because it is served by the same app
 * under the same session cookie. Programs without a session may send HTTP Basic credentials instead, checked against
 * the identity store as {@code /engine-rest} does.
 */
@Component
@Profile("!keycloak")
class CamundaWebappLogin implements DashboardLogin {

    private static final String BASIC = "Basic ";

    private final ProcessEngine engine;
    private final IdentityService identity;

    CamundaWebappLogin(ProcessEngine engine, IdentityService identity) {
        this.engine = engine;
        this.identity = identity;
    }

    @Override
    public Optional<String> username(HttpServletRequest request) {
        return fromWebappSession(request).or(() -> fromBasicCredentials(request));
    }

    private Optional<String> fromWebappSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        // Camunda's own accessor: it knows the session attribute; in a session without a login it adds an empty one.
        Authentication login = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engine.getName());
        return Optional.ofNullable(login).map(Authentication::getIdentityId);
    }

    private Optional<String> fromBasicCredentials(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return Optional.empty();
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = credentials.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String username = credentials.substring(0, colon);
        return identity.checkPassword(username, credentials.substring(colon + 1)) ? Optional.of(username) : Optional.empty();
    }
}
