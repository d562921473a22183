package org.tokengov.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refusals written by the request filters, before any endpoint runs, in the shape the endpoint's callers read: a SCIM
 * error (RFC 7644 §3.12) on {@code /scim}, {@code {"error": "…"}} everywhere else.
 */
final class Refusals {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    private Refusals() {
    }

    static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        if (RequestPaths.of(request).startsWith("/scim/")) {
            body.put("schemas", List.of(SCIM_ERROR));
            body.put("status", Integer.toString(status));
            body.put("detail", message);
            response.setContentType("application/scim+json");
        } else {
            body.put("error", message);
            response.setContentType("application/json");
        }
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
