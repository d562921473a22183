package org.tokengov.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page of the app that sends a logged-out visitor to Camunda's login (the welcome app) tells the login which page
 * was asked for: {@code ?next=/dashboard?state=ACTIVE}. The login page returns there once the visitor has logged in
 * (webjars/camunda/app/product/return-after-login.js), instead of leaving them on Camunda's welcome page. Only the
 * path and query of the request itself go into {@code next}, and the login page follows only a path on its own origin.
 */
@Component
class LoginReturnsToAskedPage extends OncePerRequestFilter {

    static final String NEXT = "next";

    private final String webapps;

    LoginReturnsToAskedPage(CamundaBpmProperties camunda) {
        this.webapps = camunda.getWebapp().getApplicationPath();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Camunda's webapps and REST API answer with their own redirects; a page asked with another method is not one to return to.
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"GET".equals(request.getMethod()) || path.startsWith(webapps + "/") || path.startsWith("/engine-rest");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String loginPage = request.getContextPath() + webapps + "/app/welcome/";
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendRedirect(String location) throws IOException {
                boolean toLogin = location.startsWith(loginPage) && !location.contains("?") && !location.contains("#");
                super.sendRedirect(toLogin ? location + "?" + NEXT + "=" + encoded(asked(request)) + "#/login" : location);
            }
        });
    }

    private static String asked(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    private static String encoded(String page) {
        return URLEncoder.encode(page, StandardCharsets.UTF_8);
    }
}
