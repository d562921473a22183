package org.tokengov.web.security;

import java.io.IOException;
import java.net.CookieHandler;
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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does during an OIDC login, over real HTTP: keeps cookies (of the app and of Keycloak), follows
 * redirects one by one (so each hop goes through the cookie store), submits HTML forms. No JavaScript.
 */
class Browser {

    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new LoopbackIsSecure(cookies))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** Navigates to a page as a browser would, following every redirect; returns the last response. */
    HttpResponse<String> open(String url) {
        return follow(send(page(URI.create(url)).GET().build()));
    }

    /**
     * Submits the HTML form on this page whose tag contains {@code formMarker} (e.g. {@code id="kc-form-login"}) as a
     * browser would, and follows the redirects.
     */
    HttpResponse<String> submit(HttpResponse<String> page, String formMarker, Map<String, String> fields) {
        URI action = page.uri().resolve(formAction(page.body(), formMarker));
        return follow(send(page(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                .build()));
    }

    /** A JavaScript call of the Camunda webapps: JSON, no redirects followed. */
    HttpResponse<String> call(String method, String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, text/plain, */*")
                .method(method, "GET".equals(method) ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(""));
        headers.forEach(request::header);
        return send(request.build());
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No cookie " + name + " in " + cookies.getCookieStore().getCookies()));
    }

    private HttpResponse<String> follow(HttpResponse<String> first) {
        HttpResponse<String> response = first;
        for (int hop = 0; hop < 20; hop++) {
            if (response.statusCode() / 100 != 3) {
                return response;
            }
            String location = response.headers().firstValue("Location").orElse(null);
            if (location == null) {
                throw new AssertionError("Redirect without Location from " + response.uri());
            }
            response = send(page(response.uri().resolve(location)).GET().build());
        }
        throw new AssertionError("Too many redirects, last at " + response.uri());
    }

    private static HttpRequest.Builder page(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    }

    /** The value of a hidden form field on the page, e.g. a CSRF token. */
    static String hiddenField(HttpResponse<String> page, String name) {
        Matcher input = Pattern.compile("<input\\b[^>]*\\bname=\"" + Pattern.quote(name) + "\"[^>]*>").matcher(page.body());
        if (input.find()) {
            Matcher value = Pattern.compile("\\bvalue=\"([^\"]*)\"").matcher(input.group());
            if (value.find()) {
                return value.group(1);
            }
        }
        throw new AssertionError("No field " + name + " on the page:\n" + page.body());
    }

    private static String formAction(String html, String formMarker) {
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            if (form.group().contains(formMarker)) {
                Matcher action = ACTION.matcher(form.group());
                if (action.find()) {
                    return action.group(1).replace("&amp;", "&");
                }
            }
        }
        throw new AssertionError("No form with " + formMarker + " and an action on the page:\n" + html);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /**
     * Browsers treat http://127.0.0.1 as a secure context and send it {@code Secure} cookies; Keycloak relies on that
     * (its session cookies are {@code Secure; SameSite=None}). Java's cookie store sends them over https only.
     */
    private static final class LoopbackIsSecure extends CookieHandler {

        private final CookieHandler store;

        LoopbackIsSecure(CookieHandler store) {
            this.store = store;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            boolean loopback = "http".equals(uri.getScheme())
                    && ("127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost()));
            return store.get(loopback ? URI.create("https" + uri.toString().substring(4)) : uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            store.put(uri, responseHeaders);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
