package org.tokengov.engineaccess;

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
 * One person's client of an engine API: {@code /engine-rest} with HTTP Basic as a script calls it, or the webapps'
 * engine API with Camunda's login session and CSRF header as Tasklist calls it. Paths are given as for
 * {@code /engine-rest} without the engine's name ({@code /task/42/claim}); {@link #raw} takes a path after the API's
 * root as it is.
 */
final class EngineApiClient {

    enum Api {
        ENGINE_REST, TASKLIST
    }

    private final Api api;
    private final String app;
    private final String authorization;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    private EngineApiClient(Api api, String app, String authorization) {
        this.api = api;
        this.app = app;
        this.authorization = authorization;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    static EngineApiClient of(Api api, String app, String user, String password) {
        if (api == Api.ENGINE_REST) {
            return new EngineApiClient(api, app, user == null ? null
                    : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        EngineApiClient client = new EngineApiClient(api, app, null);
        if (user != null) {
            client.logIn(user, password);
        }
        return client;
    }

    Api api() {
        return api;
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    HttpResponse<String> post(String path, String json) {
        return send("POST", path, json);
    }

    HttpResponse<String> send(String method, String path, String json, String... headers) {
        return raw(method, (api == Api.ENGINE_REST ? "" : "/engine/default") + path, json, headers);
    }

    /** A call to the API's root plus this path, exactly as written. */
    HttpResponse<String> raw(String method, String pathAfterRoot, String json, String... headers) {
        String root = api == Api.ENGINE_REST ? "/engine-rest" : "/camunda/api/engine";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app + root + pathAfterRoot))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        cookie("XSRF-TOKEN").ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** Tasklist's login: open a page (the CSRF cookie), then post the credentials with the token. */
    private void logIn(String user, String password) {
        send(HttpRequest.newBuilder(URI.create(app + "/camunda/app/tasklist/default/")).GET());
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(app + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN").orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))));
        if (login.statusCode() != 200) {
            throw new AssertionError("Tasklist refused the login of " + user + ": " + login.statusCode() + " " + login.body());
        }
        // The login starts a new session, whose CSRF token comes with the next answer, as Tasklist's next call gets it.
        raw("GET", "/engine/", null);
    }

    private java.util.Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
