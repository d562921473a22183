package org.tokengov.lifecycle;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tokengov.redcap.ProjectPis;
import org.tokengov.registry.IssuedToken;

/**
 * Who is told what happens to a token on their project besides its holder: the project's users with User Rights in
 * REDCap (the PI or their designee).
 */
@Component
class TokenProjectAdministrators {

    private final ProjectPis pis;

    TokenProjectAdministrators(ProjectPis pis) {
        this.pis = pis;
    }

    List<String> of(IssuedToken token) {
        return pis.of(token.environment(), token.projectId()).stream()
                .filter(username -> !username.equalsIgnoreCase(token.holder()))
                .toList();
    }
}
