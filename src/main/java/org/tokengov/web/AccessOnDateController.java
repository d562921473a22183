package org.tokengov.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tokengov.redcap.ProjectPis;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapException;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;

/**
 * {@code GET /api/access?project=101&on=2026-06-30[&environment=PROD]}: the auditor's question "who had API access to
 * project X on date D". Each token that existed in REDCap at some moment of that day (UTC), in which environment, with
 * the rights it was approved with, from when until when. REDCap administrators may ask about any project; a project's
 * PI (full User Rights in REDCap) about their own, in the environments where they are its PI.
 */
@RestController
class AccessOnDateController {

    record Holding(String holder, String environment, String tokenId, TokenState state, List<String> rights,
            Instant from, Instant until, boolean foundInRedcap) {

        static Holding of(IssuedToken token) {
            // A found token existed before it was found; when it was made, only REDCap's log might say.
            return new Holding(token.holder(), token.environment().name(), token.id(), token.state(), token.rightNames(),
                    token.issuedAt(), token.revokedAt(), token.requestId() == null);
        }
    }

    record AccessOnDate(long project, LocalDate on, List<String> environments, List<Holding> holders) {
    }

    private final TokenRegistry registry;
    private final ProjectPis pis;
    private final ApiCaller callers;

    AccessOnDateController(TokenRegistry registry, ProjectPis pis, ApiCaller callers) {
        this.registry = registry;
        this.pis = pis;
        this.callers = callers;
    }

    @GetMapping("/api/access")
    AccessOnDate access(@RequestParam(required = false) String project, @RequestParam(required = false) String on,
            @RequestParam(required = false) String environment) {
        ApiCaller.Caller caller = callers.current();
        long projectId = projectId(project);
        LocalDate day = day(on);
        List<RedcapEnvironment> asked = environment == null ? List.of(RedcapEnvironment.values())
                : List.of(environment(environment));
        List<RedcapEnvironment> allowed = caller.admin() ? asked
                : asked.stream().filter(env -> isPi(caller.userId(), env, projectId)).toList();
        if (allowed.isEmpty()) {
            throw new ApiErrors.Forbidden("Only REDCap administrators and the project's PIs (full User Rights in REDCap)"
                    + " may see who had API access to project " + projectId + ".");
        }
        List<Holding> holders = new ArrayList<>();
        allowed.forEach(env -> registry.heldOn(env, projectId, day).stream().map(Holding::of).forEach(holders::add));
        return new AccessOnDate(projectId, day, allowed.stream().map(Enum::name).toList(), holders);
    }

    private boolean isPi(String username, RedcapEnvironment environment, long projectId) {
        try {
            return pis.isPi(username, environment, projectId);
        } catch (RedcapException e) {
            throw new ApiErrors.Unavailable("REDCap " + environment + " cannot say now who the PIs of project "
                    + projectId + " are: try again later.");
        }
    }

    private static long projectId(String project) {
        if (project == null || project.isBlank()) {
            throw new ApiErrors.BadRequest("project is required: a REDCap project id, e.g. project=101");
        }
        try {
            long id = Long.parseLong(project.trim());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new ApiErrors.BadRequest("project must be a positive whole number (a REDCap project id)");
    }

    private static LocalDate day(String on) {
        if (on == null || on.isBlank()) {
            throw new ApiErrors.BadRequest("on is required: a date as YYYY-MM-DD, e.g. on=2026-06-30");
        }
        try {
            return LocalDate.parse(on.trim());
        } catch (DateTimeParseException e) {
            throw new ApiErrors.BadRequest("on must be a date as YYYY-MM-DD, e.g. on=2026-06-30");
        }
    }

    private static RedcapEnvironment environment(String environment) {
        try {
            return RedcapEnvironment.valueOf(environment.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new ApiErrors.BadRequest("environment must be QA or PROD");
        }
    }
}
