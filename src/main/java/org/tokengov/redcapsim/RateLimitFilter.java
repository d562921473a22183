package org.tokengov.redcapsim;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs every request to a simulated server, API calls and REDCap's pages alike, through that server's
 * {@link RateLimiter}; a banned IP gets REDCap's 429 (REDCAP-FACTS.md 5). The outage switch is the simulator's own
 * control, not a REDCap page, and is not counted.
 */
class RateLimitFilter extends OncePerRequestFilter {

    static final String PATHS = "/redcap-sim/*";

    private final RedcapServers servers;

    RateLimitFilter(RedcapServers servers) {
        this.servers = servers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<RedcapServer> server = serverOf(request);
        if (server.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String ip = ClientIp.of(request);
        if (server.get().rateLimiter().admit(ip)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setContentType("text/plain");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(RateLimiter.bannedMessage(ip));
    }

    /** {@code /redcap-sim/{env}/…}, except the outage switch. */
    private Optional<RedcapServer> serverOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String[] segments = path.split("/");
        if (segments.length < 4 || !segments[1].equals("redcap-sim") || segments[3].equals("outage")) {
            return Optional.empty();
        }
        return servers.find(segments[2]);
    }
}
