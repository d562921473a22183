package org.tokengov.redcapsim;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Simulator only: an administrator's token actions in REDCap's Control Center, as form posts.
 * {@code POST …/control-center/tokens} ({@code username}, {@code projectId}, {@code action} create | regenerate |
 * delete, optional {@code by}) and {@code POST …/control-center/super-tokens} ({@code username}, {@code action} create
 * | delete, optional {@code by}). The answer never holds a token: its holder reads it on the token pages.
 */
@RestController
@ConditionalOnRedcapSimulator
@RequestMapping(path = "/redcap-sim/{environment}/control-center", produces = "application/json")
class ControlCenterController {

    private final RedcapServers servers;
    private final ControlCenterTokens tokens;

    ControlCenterController(RedcapServers servers, ControlCenterTokens tokens) {
        this.servers = servers;
        this.tokens = tokens;
    }

    @PostMapping("/tokens")
    ResponseEntity<Map<String, Object>> projectToken(@PathVariable String environment,
            @RequestParam MultiValueMap<String, String> form, HttpServletRequest http) {
        return Pages.answer(servers, environment, http, page -> {
            String username = Pages.required(form, "username");
            int projectId = Pages.projectId(form);
            String action = Pages.action(form, "create", "regenerate", "delete");
            String by = Pages.optional(form, "by").orElse(null);
            switch (action) {
                case "create" -> tokens.create(page, by, username, projectId);
                case "regenerate" -> tokens.regenerate(page, by, username, projectId);
                default -> tokens.delete(page, by, username, projectId);
            }
            return Pages.body("username", username, "projectId", projectId, "action", action);
        });
    }

    @PostMapping("/super-tokens")
    ResponseEntity<Map<String, Object>> superToken(@PathVariable String environment,
            @RequestParam MultiValueMap<String, String> form, HttpServletRequest http) {
        return Pages.answer(servers, environment, http, page -> {
            String username = Pages.required(form, "username");
            String action = Pages.action(form, "create", "delete");
            String by = Pages.optional(form, "by").orElse(null);
            if (action.equals("create")) {
                tokens.createSuperToken(page, by, username);
            } else {
                tokens.deleteSuperToken(page, by, username);
            }
            return Pages.body("username", username, "action", action);
        });
    }
}
