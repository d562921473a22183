package org.tokengov.web;

import jakarta.servlet.http.HttpServletRequest;

/** The path a request is served under, as the container mapped it: decoded, normalized, without path parameters. */
final class RequestPaths {

    private RequestPaths() {
    }

    static String of(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }
}
