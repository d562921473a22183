package org.tokengov.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Web origins (RFC 6454) compared as scheme, host and port, with the scheme's default port written out. */
final class Origins {

    private Origins() {
    }

    /** {@code scheme://host:port} in lower case, or empty if the text is no http(s) origin (e.g. {@code null}). */
    static Optional<String> normalize(String origin) {
        if (origin == null) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(origin.trim());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean onlyAnOrigin = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !onlyAnOrigin) {
            return Optional.empty();
        }
        return Optional.of(of(scheme, uri.getHost(), uri.getPort()));
    }

    /** The origin the request was sent to: its own scheme, host and port (as forwarded headers set them, if trusted). */
    static String ofRequest(HttpServletRequest request) {
        return of(request.getScheme().toLowerCase(Locale.ROOT), request.getServerName(), request.getServerPort());
    }

    private static String of(String scheme, String host, int port) {
        int explicitPort = port >= 0 ? port : scheme.equals("https") ? 443 : 80;
        String bareHost = host.startsWith("[") ? host : host.contains(":") ? "[" + host + "]" : host;
        return scheme + "://" + bareHost.toLowerCase(Locale.ROOT) + ":" + explicitPort;
    }
}
