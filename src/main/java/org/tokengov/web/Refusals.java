package org.tokengov.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * Refusals written by the request filters, before any endpoint runs, in the shape the endpoint's callers read: a SCIM
 * error (RFC 7644 §3.12) on {@code /scim}, a short page on the leak scan's page (people with a browser),
 * {@code {"error": "…"}} everywhere else.
 */
final class Refusals {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    private Refusals() {
    }

    static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        if (RequestPaths.of(request).equals(BodySizeLimitFilter.LEAK_SCAN_PAGE)) {
            page(request, response, status, message);
            return;
        }
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

    private static void page(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        String back = HtmlUtils.htmlEscape(request.getContextPath() + BodySizeLimitFilter.LEAK_SCAN_PAGE);
        response.getOutputStream().write(("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\">"
                + "<title>Scan refused</title></head><body>\n<p class=\"error\" role=\"alert\" id=\"error\">"
                + HtmlUtils.htmlEscape(message) + "</p>\n<p>Nothing was scanned. <a href=\"" + back
                + "\">Back to the scan</a></p>\n</body></html>\n").getBytes(StandardCharsets.UTF_8));
    }
}
