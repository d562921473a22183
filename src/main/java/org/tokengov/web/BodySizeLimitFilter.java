package org.tokengov.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.apache.catalina.Globals;
import org.apache.tomcat.util.http.Parameters;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request body larger than {@code tokengov.web.max-body-size} reaches any endpoint, authenticated or not:
 * <ul>
 * <li>a {@code Content-Length} above the limit is refused with 413 before a byte is read;</li>
 * <li>a body of unknown length (chunked) is read here up to one byte past the limit, refused with 413 if it goes
 * past, and otherwise handed on from memory ({@link BufferedBodyRequest});</li>
 * <li>except POSTed forms and multipart bodies, which the container parses itself from the connection: forms up to
 * {@code server.tomcat.max-http-form-post-size}, parts up to {@code spring.servlet.multipart.*} (both set to the same
 * limit in application.yml). A chunked form is parsed here and refused with 413 if Tomcat found it too large; a
 * chunked multipart body read as a stream (Camunda's deployments) stops at the limit ({@link CountedBodyRequest}).</li>
 * </ul>
 * The leak scan ({@value #LEAK_SCAN}) takes a repository's archive as its body, up to
 * {@code tokengov.web.max-scan-upload-size} when the request brings credentials; it takes no form or multipart body.
 * Its page for people ({@value #LEAK_SCAN_PAGE}) takes the same upload as a multipart form, up to the same limit when
 * the request brings a session or credentials (Spring's multipart limits are set to it in application.yml; every other
 * path keeps the smaller limit here, before the container parses anything).
 */
class BodySizeLimitFilter extends OncePerRequestFilter {

    static final String LEAK_SCAN = "/api/leaks/scan";
    static final String LEAK_SCAN_PAGE = "/leaks/scan";

    private final long defaultLimit;
    private final long scanUploadLimit;

    BodySizeLimitFilter(long defaultLimit, long scanUploadLimit) {
        this.defaultLimit = defaultLimit;
        this.scanUploadLimit = scanUploadLimit;
    }

    /** The scan's larger limit only for a request that brings credentials: an anonymous one gets 401 anyway. */
    private long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean leakScan = LEAK_SCAN.equals(path) && request.getHeader("Authorization") != null
                && !isType(request, MediaType.APPLICATION_FORM_URLENCODED) && !isType(request, MediaType.MULTIPART_FORM_DATA);
        // The page's form: the webapp login lives in the session (or Basic credentials, as the dashboard takes them).
        boolean leakScanPage = LEAK_SCAN_PAGE.equals(path) && "POST".equals(request.getMethod())
                && (request.getRequestedSessionId() != null || request.getHeader("Authorization") != null)
                && isType(request, MediaType.MULTIPART_FORM_DATA);
        return leakScan || leakScanPage ? scanUploadLimit : defaultLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(request, response, limit);
            return;
        }
        // The container never hands out more than Content-Length bytes; an HTTP/1.1 request with neither that nor
        // Transfer-Encoding has no body at all (RFC 9112, section 6.3).
        if (declared >= 0 || (request.getHeader("Transfer-Encoding") == null && request.getProtocol().startsWith("HTTP/1"))) {
            chain.doFilter(request, response);
            return;
        }
        // Tomcat parses POSTed forms itself; other methods' forms are read as a stream (Spring's FormContentFilter).
        if ("POST".equals(request.getMethod()) && isType(request, MediaType.APPLICATION_FORM_URLENCODED)) {
            request.getParameterMap();
            if (request.getAttribute(Globals.PARAMETER_PARSE_FAILED_REASON_ATTR) == Parameters.FailReason.POST_TOO_LARGE) {
                tooLarge(request, response, limit);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (isType(request, MediaType.MULTIPART_FORM_DATA)) {
            chain.doFilter(new CountedBodyRequest(request, limit), response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), limit + 1);
        if (body.length > limit) {
            tooLarge(request, response, limit);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        String setting = limit == defaultLimit ? "tokengov.web.max-body-size" : "tokengov.web.max-scan-upload-size";
        Refusals.refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                "The request body is larger than " + limit + " bytes (" + setting + ").");
    }

    private static boolean isType(HttpServletRequest request, MediaType type) {
        try {
            return request.getContentType() != null
                    && type.equalsTypeAndSubtype(MediaType.parseMediaType(request.getContentType()));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static byte[] readAtMost(InputStream body, long count) throws IOException {
        return body.readNBytes((int) Math.min(count, Integer.MAX_VALUE - 8));
    }
}
