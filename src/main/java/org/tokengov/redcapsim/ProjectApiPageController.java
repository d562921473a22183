package org.tokengov.redcapsim;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Simulator only: a user's buttons on a project's API page, as a form post: {@code POST …/project-api}
 * ({@code username}, {@code projectId}, {@code action} request | regenerate | delete, optional {@code mobileAppOnly}).
 * A request answers {@code outcome} {@code created} or {@code requested} (with the to-do's {@code requestId}); the
 * token itself is read on {@code GET …/token}.
 */
@RestController
@ConditionalOnRedcapSimulator
class ProjectApiPageController {

    private final RedcapServers servers;
    private final ProjectApiPage apiPage;

    ProjectApiPageController(RedcapServers servers, ProjectApiPage apiPage) {
        this.servers = servers;
        this.apiPage = apiPage;
    }

    @PostMapping(path = "/redcap-sim/{environment}/project-api", produces = "application/json")
    ResponseEntity<Map<String, Object>> act(@PathVariable String environment,
            @RequestParam MultiValueMap<String, String> form, HttpServletRequest http) {
        return Pages.answer(servers, environment, http, page -> {
            String username = Pages.required(form, "username");
            int projectId = Pages.projectId(form);
            String action = Pages.action(form, "request", "regenerate", "delete");
            switch (action) {
                case "request" -> {
                    boolean mobileAppOnly = Pages.optional(form, "mobileAppOnly")
                            .map(value -> value.equals("1") || value.equalsIgnoreCase("true")).orElse(false);
                    ProjectApiPage.Outcome outcome = apiPage.request(page, username, projectId, mobileAppOnly);
                    return outcome.created()
                            ? Pages.body("username", username, "projectId", projectId, "outcome", "created")
                            : Pages.body("username", username, "projectId", projectId, "outcome", "requested",
                                    "requestId", outcome.requestId());
                }
                case "regenerate" -> apiPage.regenerate(page, username, projectId);
                default -> apiPage.delete(page, username, projectId);
            }
            return Pages.body("username", username, "projectId", projectId, "action", action);
        });
    }
}
