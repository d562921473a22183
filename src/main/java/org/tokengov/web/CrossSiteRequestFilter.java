package org.tokengov.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps other web sites from changing anything here through a visitor's browser. A browser sends a form or
 * {@code text/plain} post to any site without asking, with the visitor's cookies and cached Basic credentials; it
 * cannot send JSON elsewhere without the target's consent (CORS), and it names the page's origin in {@code Origin}.
 * So a state-changing request (POST, PUT, PATCH, DELETE) to {@code /api}, {@code /scim}, {@code /engine-rest}, the
 * dashboard's reconciliation button, its reports about a token or the leak scan's page:
 * <ul>
 * <li>from a foreign {@code Origin} (not the request's own scheme, host and port, nor one of
 * {@code tokengov.web.allowed-origins}) is refused with 403. Without an {@code Origin} (scripts, servers) it goes on.</li>
 * <li>with a body or a {@code Content-Type} must carry one of the types the endpoints declare (415 otherwise): JSON
 * ({@code text/csv} on the onboarding import, a file or archive on the leak scan), SCIM's JSON on {@code /scim}, and on
 * {@code /engine-rest} multipart, which Camunda's deployment and binary-variable endpoints take (Camunda refuses it
 * elsewhere), a form on the dashboard's button and report pages and multipart on the leak scan's page. A body-less request without a type goes on.</li>
 * </ul>
 * Camunda's webapps ({@code /camunda/api}) keep their own CSRF protection and are not touched.
 */
class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** Most specific prefix first: the first that matches decides. */
    private static final List<Map.Entry<String, List<MediaType>>> DECLARED_TYPES = List.of(
            // text/csv is not one of the types a browser sends to another site without asking (CORS preflight).
            Map.entry("/api/onboarding/csv", List.of(MediaType.parseMediaType("text/csv"))),
            // A text is sent as octet-stream: text/plain is one of the types a browser sends anywhere without asking.
            Map.entry(BodySizeLimitFilter.LEAK_SCAN, List.of(MediaType.APPLICATION_OCTET_STREAM,
                    MediaType.parseMediaType("application/zip"), MediaType.parseMediaType("application/gzip"),
                    MediaType.parseMediaType("application/x-gzip"), MediaType.parseMediaType("application/x-tar"))),
            Map.entry("/api/", List.of(MediaType.APPLICATION_JSON)),
            Map.entry("/scim/", List.of(MediaType.parseMediaType("application/scim+json"), MediaType.APPLICATION_JSON)),
            Map.entry("/engine-rest/", List.of(MediaType.APPLICATION_JSON, MediaType.MULTIPART_FORM_DATA)),
            // The dashboard's one button: a plain form, so the Origin check is what keeps other sites out.
            Map.entry("/dashboard/reconciliation", List.of(MediaType.APPLICATION_FORM_URLENCODED)),
            // The reports about a token: plain forms, which also carry the session's form token (dashboard.FormTokens).
            Map.entry("/dashboard/tokens/", List.of(MediaType.APPLICATION_FORM_URLENCODED)),
            // The leak scan's page: an upload form; as above, the Origin check keeps other sites out.
            Map.entry(BodySizeLimitFilter.LEAK_SCAN_PAGE, List.of(MediaType.MULTIPART_FORM_DATA)));

    private final List<String> allowedOrigins;


    CrossSiteRequestFilter(List<String> allowedOrigins) {
        this.allowedOrigins = List.copyOf(allowedOrigins);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<List<MediaType>> declared = declaredTypes(request);
        if (declared.isEmpty() || !STATE_CHANGING.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !trusted(origin, request)) {
            Refusals.refuse(request, response, HttpServletResponse.SC_FORBIDDEN,
                    "Cross-site request refused: its Origin is not this application (tokengov.web.allowed-origins).");
            return;
        }
        if (!carriesDeclaredType(request, declared.get())) {
            Refusals.refuse(request, response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    "Send the body as " + String.join(" or ", declared.get().stream().map(MediaType::toString).toList())
                            + " (or no body where none is needed).");
            return;
        }
        chain.doFilter(request, response);
    }

    private static Optional<List<MediaType>> declaredTypes(HttpServletRequest request) {
        String path = RequestPaths.of(request);
        return DECLARED_TYPES.stream().filter(prefix -> path.startsWith(prefix.getKey()))
                .map(Map.Entry::getValue).findFirst();
    }

    private boolean trusted(String origin, HttpServletRequest request) {
        Optional<String> normalized = Origins.normalize(origin);
        return normalized.isPresent()
                && (normalized.get().equals(Origins.ofRequest(request)) || allowedOrigins.contains(normalized.get()));
    }

    private static boolean carriesDeclaredType(HttpServletRequest request, List<MediaType> declared) {
        String contentType = request.getContentType();
        if (contentType == null || contentType.isBlank()) {
            return !hasBody(request);
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return declared.stream().anyMatch(type::equalsTypeAndSubtype);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }
}
