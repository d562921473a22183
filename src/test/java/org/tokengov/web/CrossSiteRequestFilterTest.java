package org.tokengov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * State-changing requests to /api, /scim and /engine-rest: a foreign Origin is refused (403), and so is any body that
 * is not of a declared type (415); everything else, and every other path, goes on.
 */
class CrossSiteRequestFilterTest {

    final CrossSiteRequestFilter filter = new CrossSiteRequestFilter(List.of("https://portal.example.org:443"));
    final MockHttpServletResponse response = new MockHttpServletResponse();
    final MockFilterChain chain = new MockFilterChain();

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example.org", "http://tokens.example.org", "https://tokens.example.org:8443",
            "null", "https://tokens.example.org.evil.example.org", "not an origin", "https://portal.example.org:444"})
    void aForeignOriginIsRefused(String origin) throws Exception {
        MockHttpServletRequest request = request("POST", "/api/tokens/t1/compromised", null, null);
        request.addHeader("Origin", origin);

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).contains("Cross-site request refused");
        assertThat(chain.getRequest()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://tokens.example.org", "https://TOKENS.example.org:443", "https://portal.example.org"})
    void theRequestsOwnOriginAndAllowedOnesGoOn(String origin) throws Exception {
        MockHttpServletRequest request = request("POST", "/engine-rest/process-definition/key/X/start", "application/json",
                "{}");
        request.addHeader("Origin", origin);

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    @Test
    void withoutAnOriginAsScriptsAndServersSendItGoesOn() throws Exception {
        MockHttpServletRequest request = request("DELETE", "/scim/v2/Users/bob", null, null);

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    @ParameterizedTest
    @CsvSource({"GET, /api/tokens", "HEAD, /api/tokens", "OPTIONS, /engine-rest/task", "POST, /camunda/api/admin/auth/user/default/login/tasklist",
            "POST, /redcap-sim/qa/api/", "POST, /dashboard"})
    void readsAndOtherPathsAreNotItsBusiness(String method, String path) throws Exception {
        MockHttpServletRequest request = request(method, path, "application/x-www-form-urlencoded", "a=b");
        request.addHeader("Origin", "https://evil.example.org");

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    @ParameterizedTest
    @CsvSource({"/api/hr/events, application/x-www-form-urlencoded", "/api/tokens/t1/compromised, text/plain",
            "/api/tokens/t1/compromised, multipart/form-data; boundary=x", "/engine-rest/task/1/complete, text/plain",
            "/engine-rest/task/1/complete, application/x-www-form-urlencoded", "/scim/v2/Users/bob, application/xml",
            "/api/tokens/t1/suspension, not a media type", "/api/leaks/scan, text/plain",
            "/api/leaks/scan, multipart/form-data; boundary=x", "/api/leaks/scan, application/x-www-form-urlencoded",
            "/api/tokens/t1/compromised, application/zip"})
    void aBodyOfATypeNoEndpointDeclaresIsRefused(String path, String contentType) throws Exception {
        filter.doFilter(request("POST", path, contentType, "x"), response, chain);

        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void aFormPostWithoutABodyIsStillAFormPost() throws Exception {
        filter.doFilter(request("POST", "/api/tokens/t1/no-longer-needed", "application/x-www-form-urlencoded", null),
                response, chain);

        assertThat(response.getStatus()).isEqualTo(415);
    }

    @Test
    void aBodyWithoutAContentTypeIsRefused() throws Exception {
        filter.doFilter(request("POST", "/api/tokens/t1/code-change", null, "{\"reason\":\"x\"}"), response, chain);

        assertThat(response.getStatus()).isEqualTo(415);
    }

    @Test
    void onScimTheRefusalIsAScimError() throws Exception {
        filter.doFilter(request("PATCH", "/scim/v2/Users/bob", "text/plain", "x"), response, chain);

        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(response.getContentType()).startsWith("application/scim+json");
        assertThat(response.getContentAsString()).contains("urn:ietf:params:scim:api:messages:2.0:Error", "\"status\":\"415\"");
    }

    @ParameterizedTest
    @CsvSource({"/api/tokens/t1/code-change, application/json; charset=UTF-8", "/scim/v2/Users/bob, application/scim+json",
            "/scim/v2/Users/bob, application/json", "/engine-rest/deployment/create, multipart/form-data; boundary=x",
            "/api/tokens/t1/compromised, ''", "/api/leaks/scan, application/zip", "/api/leaks/scan, application/gzip",
            "/api/leaks/scan, application/x-tar", "/api/leaks/scan, application/octet-stream"})
    void declaredTypesAndBodilessRequestsGoOn(String path, String contentType) throws Exception {
        MockHttpServletRequest request = request("POST", path, contentType.isEmpty() ? null : contentType,
                contentType.isEmpty() ? null : "{}");

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    @Test
    void theLeakScanPageRefusesAForeignOriginWithAPageAndTakesItsOwnUpload() throws Exception {
        MockHttpServletRequest foreign = request("POST", "/leaks/scan", "multipart/form-data; boundary=x", "x");
        foreign.addHeader("Origin", "https://evil.example.org");
        filter.doFilter(foreign, response, chain);
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString()).contains("Cross-site request refused", "Nothing was scanned");
        assertThat(chain.getRequest()).isNull();

        MockHttpServletRequest own = request("POST", "/leaks/scan", "multipart/form-data; boundary=x", "x");
        own.addHeader("Origin", "https://tokens.example.org");
        MockFilterChain reached = new MockFilterChain();
        filter.doFilter(own, new MockHttpServletResponse(), reached);
        assertThat(reached.getRequest()).isSameAs(own);

        MockHttpServletResponse plainText = new MockHttpServletResponse();
        filter.doFilter(request("POST", "/leaks/scan", "text/plain", "TOKEN=x"), plainText, new MockFilterChain());
        assertThat(plainText.getStatus()).as("a type any web site's page may post").isEqualTo(415);
    }

    static MockHttpServletRequest request(String method, String path, String contentType, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        request.setScheme("https");
        request.setServerName("tokens.example.org");
        request.setServerPort(443);
        if (contentType != null) {
            request.setContentType(contentType);
        }
        if (body != null) {
            request.setContent(body.getBytes(StandardCharsets.UTF_8));
        }
        return request;
    }
}
