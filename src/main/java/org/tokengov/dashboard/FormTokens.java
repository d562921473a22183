package org.tokengov.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * The synchronizer token of the dashboard's forms that change something: one random value per HTTP session, put in
 * each such form as a hidden field and compared, in constant time, with the one a post carries. Another site can make
 * a visitor's browser post a form here, with their cookies, but cannot read the page that holds the value; the
 * Origin check ({@code web.CrossSiteRequestFilter}) stays in front of it for browsers that send one.
 */
@Component
class FormTokens {

    static final String FIELD = "_csrf";
    private static final String ATTRIBUTE = FormTokens.class.getName();

    private final SecureRandom random = new SecureRandom();

    /** The session's value, made on first use (which starts a session if there is none). */
    String of(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        synchronized (session) {
            Object value = session.getAttribute(ATTRIBUTE);
            if (value instanceof String existing) {
                return existing;
            }
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String made = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(ATTRIBUTE, made);
            return made;
        }
    }

    /** Whether the post carries its session's value; false without a session, a value, or with another one. */
    boolean carriedBy(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String carried = request.getParameter(FIELD);
        if (session == null || carried == null || !(session.getAttribute(ATTRIBUTE) instanceof String expected)) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), carried.getBytes(StandardCharsets.UTF_8));
    }
}
