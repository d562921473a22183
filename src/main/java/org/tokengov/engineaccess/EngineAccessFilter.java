package org.tokengov.engineaccess;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tokengov.engineaccess.EngineApiPolicy.Verdict;

/**
 * The allow-list in front of Camunda's engine APIs: {@code /engine-rest} and the webapps' engine API that Tasklist
 * calls. Mapped to those servlets by name, so it runs after every URL-mapped filter: Camunda's authentication
 * (Basic, or the webapps' session) has named the caller, and an anonymous call has had its 401. Administrators pass;
 * for everyone else each call is judged by {@link EngineApiPolicy} and, where it writes, by its body
 * ({@link SubmissionBody}). A refusal is 403 (may not) or 400 (cannot be read, or not what the form takes) with
 * {@code {"type": …, "message": one plain sentence}}, and one line in the log.
 */
final class EngineAccessFilter extends OncePerRequestFilter {

    /** Request attribute with the caller's user id, for the log line of a refusal answered later. */
    static final String CALLER = EngineAccessFilter.class.getName() + ".caller";

    private static final Logger log = LoggerFactory.getLogger(EngineAccessFilter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHOD_OVERRIDES = List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");
    /** Far above any form's submission; the body is read into memory only for the calls whose body is checked. */
    static final int MAX_CHECKED_BODY = 256 * 1024;

    private final ObjectProvider<ProcessEngineConfigurationImpl> engines;
    private volatile Checks checks;

    private record Checks(ProcessEngineConfigurationImpl engine, Administrators administrators, DeployedForms forms) {
    }

    EngineAccessFilter(ObjectProvider<ProcessEngineConfigurationImpl> engines) {
        this.engines = engines;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Checks checks = checks();
        Authentication caller = checks.engine().getIdentityService().getCurrentAuthentication();
        if (caller == null || caller.getUserId() == null) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(CALLER, caller.getUserId());
        if (checks.administrators().include(caller)) {
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(judge(request, caller.getUserId(), checks), response);
        } catch (EngineAccessRefusedException | FormInputRefusedException | MalformedCallException refusal) {
            refuse(request, response, caller.getUserId(), refusal);
        } catch (BodyTooLarge tooLarge) {
            log.info("Refused {} {} of {} (413): body over {} bytes", request.getMethod(), request.getRequestURI(),
                    caller.getUserId(), MAX_CHECKED_BODY);
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        }
    }

    /** The request to pass on (with its body replayed if it was read), or a refusal. */
    private HttpServletRequest judge(HttpServletRequest request, String caller, Checks checks) throws IOException {
        if (METHOD_OVERRIDES.stream().anyMatch(header -> request.getHeader(header) != null) || asksMethodOverride(request.getQueryString())) {
            throw new MalformedCallException("This API takes no method-override headers: send the method itself.");
        }
        EngineApiPath path = EngineApiPath.parse(pathAfterPrefix(request));
        Verdict verdict = EngineApiPolicy.decide(request.getMethod(), path);
        return switch (verdict.decision()) {
            case ALLOW -> request;
            case REFUSE -> throw verdict.forbidden().refusal();
            case CLAIM -> {
                ReplayedBody body = ReplayedBody.read(request);
                SubmissionBody.parse(body.bytes()).checkClaim(caller);
                yield body;
            }
            case SUBMIT_TASK_FORM -> {
                ReplayedBody body = ReplayedBody.read(request);
                SubmissionBody.parse(body.bytes()).checkTaskSubmission(checks.forms().ofTask(verdict.target()));
                yield body;
            }
            case START_BY_ID, START_BY_KEY -> {
                ReplayedBody body = ReplayedBody.read(request);
                Optional<FormFields> form = verdict.decision() == EngineApiPolicy.Decision.START_BY_ID
                        ? checks.forms().ofStart(verdict.target()) : checks.forms().ofLatestStart(verdict.target());
                SubmissionBody.parse(body.bytes()).checkStart(form);
                yield body;
            }
        };
    }

    /** A {@code _method} query parameter (read raw: parsing parameters could consume a form-encoded body). */
    private static boolean asksMethodOverride(String query) {
        return query != null && (query.toLowerCase(java.util.Locale.ROOT).contains("_method")
                || query.toLowerCase(java.util.Locale.ROOT).contains("%5fmethod"));
    }

    /** The raw path after the servlet's mapping, e.g. {@code /engine/default/task/42/claim}. */
    private static String pathAfterPrefix(HttpServletRequest request) {
        String raw = request.getRequestURI().substring(request.getContextPath().length());
        String prefix = request.getServletPath();
        if (!raw.equals(prefix) && !raw.startsWith(prefix + "/")) {
            throw new MalformedCallException("This address cannot be used: it is encoded or normalised in an unusual way.");
        }
        return raw.substring(prefix.length());
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String caller, RuntimeException refusal)
            throws IOException {
        int status = Refusals.status(refusal);
        log.info("Refused {} {} of {} ({}): {}", request.getMethod(), request.getRequestURI(), caller, status, refusal.getMessage());
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        JSON.writeValue(response.getOutputStream(), Refusals.body(refusal));
    }

    private Checks checks() {
        Checks current = checks;
        if (current == null) {
            ProcessEngineConfigurationImpl engine = engines.getObject();
            current = new Checks(engine, new Administrators(engine), new DeployedForms(engine));
            checks = current;
        }
        return current;
    }

    private static final class BodyTooLarge extends RuntimeException {
    }

    /** The request with its body read once, for the check, and given to Camunda again. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] bytes;

        private ReplayedBody(HttpServletRequest request, byte[] bytes) {
            super(request);
            this.bytes = bytes;
        }

        static ReplayedBody read(HttpServletRequest request) throws IOException {
            try (InputStream in = request.getInputStream()) {
                byte[] bytes = in.readNBytes(MAX_CHECKED_BODY + 1);
                if (bytes.length > MAX_CHECKED_BODY) {
                    throw new BodyTooLarge();
                }
                return new ReplayedBody(request, bytes);
            }
        }

        byte[] bytes() {
            return bytes;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(bytes);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body was read already");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return bytes.length;
        }

        @Override
        public long getContentLengthLong() {
            return bytes.length;
        }
    }
}
