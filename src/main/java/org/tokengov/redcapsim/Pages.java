package org.tokengov.redcapsim;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What the simulated REDCap pages share: finding the server, reading the form, and answering JSON, with
 * {@code {"error": …}} and a 4xx status for a refusal, which changes nothing.
 */
final class Pages {

    private Pages() {
    }

    static ResponseEntity<Map<String, Object>> answer(RedcapServers servers, String environment, HttpServletRequest http,
            Function<PageContext, Map<String, Object>> work) {
        Optional<RedcapServer> server = servers.find(environment);
        if (server.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "No simulated REDCap server '" + environment + "'");
        }
        String webRoot = ServletUriComponentsBuilder.fromContextPath(http).path("/redcap-sim/" + environment + "/")
                .toUriString();
        try {
            return ResponseEntity.ok(work.apply(new PageContext(server.get(), ClientIp.of(http), webRoot)));
        } catch (PageError refused) {
            return error(refused.status(), refused.getMessage());
        }
    }

    static String required(MultiValueMap<String, String> form, String name) {
        return optional(form, name).orElseThrow(() -> PageError.badRequest(name + " is required"));
    }

    /** A parameter's trimmed value; absent or blank is empty. */
    static Optional<String> optional(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    static int projectId(MultiValueMap<String, String> form) {
        String value = required(form, "projectId");
        try {
            int projectId = Integer.parseInt(value);
            if (projectId <= 0) {
                throw PageError.badRequest("projectId must be a project id (a positive number)");
            }
            return projectId;
        } catch (NumberFormatException e) {
            throw PageError.badRequest("projectId must be a project id (a positive number)");
        }
    }

    static String action(MultiValueMap<String, String> form, String... allowed) {
        String action = required(form, "action");
        for (String candidate : allowed) {
            if (candidate.equals(action)) {
                return action;
            }
        }
        throw PageError.badRequest("action must be one of " + String.join(", ", allowed));
    }

    static Map<String, Object> body(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }

    static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
