package org.tokengov.dashboard;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A browser's session with the app, logged in the way Camunda's login page does it: open a webapp page (Camunda's
 * CSRF filter hands out the {@code XSRF-TOKEN} cookie), then POST username and password to the webapps' login
 * endpoint with that token in the {@code X-XSRF-TOKEN} header. The session cookie then carries the login to every
 * page of the app. Redirects are not followed, so tests see them.
 */
class WebappSession {

    private final String app;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    private WebappSession(String app) {
        this.app = app;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    static WebappSession anonymous(String app) {
        return new WebappSession(app);
    }

    /** Logs in as Tasklist's login form does; fails the test if Camunda refuses. */
    static WebappSession loggedIn(String app, String username) {
        WebappSession session = new WebappSession(app);
        HttpResponse<String> login = session.logIn(username, "demo");
        if (login.statusCode() != 200) {
            throw new AssertionError("Camunda refused the login of " + username + ": " + login.statusCode() + " " + login.body());
        }
        return session;
    }

    HttpResponse<String> logIn(String username, String password) {
        get("/camunda/app/tasklist/default/");
        return send(HttpRequest.newBuilder(URI.create(app + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password=" + encode(password))));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(app + path)).header("Accept", "text/html,*/*;q=0.8").GET());
    }

    /** Without the session: a program sending HTTP Basic credentials. */
    HttpResponse<String> getWithBasic(String path, String username, String password) {
        return send(HttpRequest.newBuilder(URI.create(app + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .GET());
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("No cookie " + name + " in " + cookies.getCookieStore().getCookies()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
