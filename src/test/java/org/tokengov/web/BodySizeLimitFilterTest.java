package org.tokengov.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Bodies above the limit never reach an endpoint: refused by their declared length, or while they are read. */
class BodySizeLimitFilterTest {

    static final int LIMIT = 100;
    static final int SCAN_LIMIT = 1000;

    final BodySizeLimitFilter filter = new BodySizeLimitFilter(LIMIT, SCAN_LIMIT);
    final MockHttpServletResponse response = new MockHttpServletResponse();
    final MockFilterChain chain = new MockFilterChain();

    @Test
    void aDeclaredLengthAboveTheLimitIsRefusedBeforeAnythingIsRead() throws Exception {
        MockHttpServletRequest request = post("/api/hr/events", "application/json", new byte[LIMIT + 1]);

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentAsString()).contains("\"error\"", "larger than 100 bytes", "tokengov.web.max-body-size");
        assertThat(chain.getRequest()).as("the endpoint never ran").isNull();
    }

    @Test
    void onScimTheRefusalIsAScimError() throws Exception {
        filter.doFilter(post("/scim/v2/Users/bob", "application/scim+json", new byte[LIMIT + 1]), response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/scim+json");
        assertThat(response.getContentAsString()).contains("urn:ietf:params:scim:api:messages:2.0:Error",
                "\"status\":\"413\"", "\"detail\":");
    }

    @Test
    void aDeclaredLengthWithinTheLimitGoesOnUntouched() throws Exception {
        MockHttpServletRequest request = post("/engine-rest/message", "application/json", new byte[LIMIT]);

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    @Test
    void aRequestWithoutABodyGoesOnUntouched() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/camunda/app/tasklist/");

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    @Test
    void aChunkedBodyAboveTheLimitIsCutOffWhileReadAndRefused() throws Exception {
        filter.doFilter(chunked("/camunda/api/engine/engine/default/task/1/complete", "application/json",
                new byte[LIMIT + 1]), response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void aChunkedBodyWithinTheLimitIsHandedOnWhole() throws Exception {
        byte[] body = "{\"reason\":\"j\u00fcrgen's change\"}".getBytes(StandardCharsets.UTF_8);
        MockHttpServletRequest request = chunked("/api/tokens/t1/code-change", "application/json", body);
        request.setCharacterEncoding("UTF-8");

        filter.doFilter(request, response, chain);

        HttpServletRequest handedOn = (HttpServletRequest) chain.getRequest();
        assertThat(handedOn.getContentLengthLong()).isEqualTo(body.length);
        assertThat(handedOn.getInputStream().readAllBytes()).isEqualTo(body);
        assertThat(handedOn.getReader().readLine()).isEqualTo("{\"reason\":\"j\u00fcrgen's change\"}");
    }

    @Test
    void aChunkedMultipartBodyIsCountedAndStopsPastTheLimit() throws Exception {
        filter.doFilter(chunked("/engine-rest/deployment/create", "multipart/form-data; boundary=x", new byte[LIMIT + 1]),
                response, chain);

        HttpServletRequest handedOn = (HttpServletRequest) chain.getRequest();
        assertThat(handedOn.getInputStream().readNBytes(LIMIT)).hasSize(LIMIT);
        assertThatThrownBy(() -> handedOn.getInputStream().read()).isInstanceOf(IOException.class)
                .hasMessageContaining("tokengov.web.max-body-size");
    }

    @Test
    void theLeakScanTakesARepositoryUpToItsOwnLimit() throws Exception {
        MockHttpServletRequest within = post("/api/leaks/scan", "application/zip", new byte[SCAN_LIMIT]);
        within.addHeader("Authorization", "Basic YWxpY2U6ZGVtbw==");
        filter.doFilter(within, response, chain);
        assertThat(chain.getRequest()).isSameAs(within);

        MockHttpServletResponse refused = new MockHttpServletResponse();
        MockFilterChain notReached = new MockFilterChain();
        MockHttpServletRequest tooLarge = chunked("/api/leaks/scan", "application/gzip", new byte[SCAN_LIMIT + 1]);
        tooLarge.addHeader("Authorization", "Basic YWxpY2U6ZGVtbw==");
        filter.doFilter(tooLarge, refused, notReached);
        assertThat(refused.getStatus()).isEqualTo(413);
        assertThat(refused.getContentAsString()).contains("larger than 1000 bytes", "tokengov.web.max-scan-upload-size");
        assertThat(notReached.getRequest()).isNull();
    }

    @Test
    void anAnonymousScanHasTheDefaultLimit() throws Exception {
        filter.doFilter(post("/api/leaks/scan", "application/zip", new byte[LIMIT + 1]), response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void theScanLimitIsForTheScanAloneAndNotForItsForms() throws Exception {
        filter.doFilter(post("/api/tokens/t1/code-change", "application/zip", new byte[LIMIT + 1]), response, chain);
        assertThat(response.getStatus()).isEqualTo(413);

        MockHttpServletResponse multipart = new MockHttpServletResponse();
        MockHttpServletRequest parts = post("/api/leaks/scan", "multipart/form-data; boundary=x", new byte[LIMIT + 1]);
        parts.addHeader("Authorization", "Basic YWxpY2U6ZGVtbw==");
        filter.doFilter(parts, multipart, new MockFilterChain());
        assertThat(multipart.getStatus()).as("the container parses parts with the default limit").isEqualTo(413);
    }

    @Test
    void theScanPageTakesAnUploadUpToTheScanLimitFromALoggedInBrowser() throws Exception {
        MockHttpServletRequest within = post("/leaks/scan", "multipart/form-data; boundary=x", new byte[SCAN_LIMIT]);
        within.setRequestedSessionId("webapp-session");
        filter.doFilter(within, response, chain);
        assertThat(chain.getRequest()).isSameAs(within);

        MockHttpServletResponse refused = new MockHttpServletResponse();
        MockHttpServletRequest tooLarge = post("/leaks/scan", "multipart/form-data; boundary=x", new byte[SCAN_LIMIT + 1]);
        tooLarge.setRequestedSessionId("webapp-session");
        filter.doFilter(tooLarge, refused, new MockFilterChain());
        assertThat(refused.getStatus()).isEqualTo(413);
        assertThat(refused.getContentType()).as("a page for people").startsWith("text/html");
        assertThat(refused.getContentAsString()).contains("larger than 1000 bytes", "tokengov.web.max-scan-upload-size",
                "Nothing was scanned", "href=\"/leaks/scan\"");
    }

    @ParameterizedTest
    @CsvSource({"/leaks/scan, multipart/form-data; boundary=x, false", "/leaks/scan, application/x-www-form-urlencoded, true",
            "/leaks/scan, application/octet-stream, true", "/dashboard/reconciliation, multipart/form-data; boundary=x, true",
            "/leaks/scan/more, multipart/form-data; boundary=x, true"})
    void elseThePageAndOtherPathsKeepTheDefaultLimit(String path, String contentType, boolean withSession) throws Exception {
        MockHttpServletRequest request = post(path, contentType, new byte[LIMIT + 1]);
        if (withSession) {
            request.setRequestedSessionId("webapp-session");
        }

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(chain.getRequest()).isNull();
    }

    static MockHttpServletRequest post(String path, String contentType, byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRequestURI(path);
        request.setServletPath(path);
        request.setContentType(contentType);
        request.setContent(body);
        return request;
    }

    /** A body sent without Content-Length (Transfer-Encoding: chunked). */
    static MockHttpServletRequest chunked(String path, String contentType, byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path) {
            @Override
            public int getContentLength() {
                return -1;
            }

            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setServletPath(path);
        request.setRequestURI(path);
        request.setContentType(contentType);
        request.addHeader("Transfer-Encoding", "chunked");
        request.setContent(body);
        return request;
    }
}
