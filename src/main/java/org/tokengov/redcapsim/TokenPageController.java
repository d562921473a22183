package org.tokengov.redcapsim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Simulator only: what REDCap's own pages show a logged-in user, their token on a project (the project's API page)
 * and their super token (their profile). This is where a token holder reads a token; the governance app itself never
 * calls it.
 */
@RestController
@ConditionalOnRedcapSimulator
class TokenPageController {

    private final RedcapServers servers;

    TokenPageController(RedcapServers servers) {
        this.servers = servers;
    }

    @GetMapping(path = "/redcap-sim/{environment}/token", produces = "application/json")
    ResponseEntity<Map<String, Object>> token(@PathVariable String environment,
            @RequestParam(required = false) String username, @RequestParam(required = false) String projectId) {
        Optional<RedcapServer> server = servers.find(environment);
        if (server.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "No simulated REDCap server '" + environment + "'");
        }
        if (username == null || username.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "username is required");
        }
        int project;
        try {
            project = Integer.parseInt(projectId == null ? "" : projectId.trim());
        } catch (NumberFormatException e) {
            return error(HttpStatus.BAD_REQUEST, "projectId must be a project id (a number)");
        }
        return server.get().projectUsers().token(project, username.trim())
                .map(token -> {
                    Map<String, Object> page = new LinkedHashMap<>();
                    page.put("username", username.trim());
                    page.put("projectId", project);
                    page.put("token", token);
                    return ResponseEntity.ok(page);
                })
                .orElseGet(() -> error(HttpStatus.NOT_FOUND,
                        "User '" + username.trim() + "' has no API token on project " + project));
    }

    @GetMapping(path = "/redcap-sim/{environment}/super-token", produces = "application/json")
    ResponseEntity<Map<String, Object>> superToken(@PathVariable String environment,
            @RequestParam(required = false) String username) {
        Optional<RedcapServer> server = servers.find(environment);
        if (server.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "No simulated REDCap server '" + environment + "'");
        }
        if (username == null || username.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "username is required");
        }
        return server.get().users().superToken(username.trim())
                .map(token -> {
                    Map<String, Object> page = new LinkedHashMap<>();
                    page.put("username", username.trim());
                    page.put("token", token);
                    return ResponseEntity.ok(page);
                })
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "User '" + username.trim() + "' has no super API token"));
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
