package org.tokengov.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

/** Origins compare by scheme, host and port; the allow-list takes only origins, and the body limit a positive size. */
class OriginsTest {

    @Test
    void originsAreWrittenWithTheirPortInLowerCase() {
        assertThat(Origins.normalize("https://Tokens.Example.org")).contains("https://tokens.example.org:443");
        assertThat(Origins.normalize("http://127.0.0.1:8080")).contains("http://127.0.0.1:8080");
        assertThat(Origins.normalize("http://[::1]:8080")).contains("http://[::1]:8080");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "", "tokens.example.org", "file:///etc", "https://tokens.example.org/path",
            "https://user@tokens.example.org", "https://tokens.example.org?x", "javascript:alert(1)"})
    void whatIsNoHttpOriginIsNone(String text) {
        assertThat(Origins.normalize(text)).isEmpty();
    }

    @Test
    void theAllowListTakesOnlyOrigins() {
        assertThat(new WebRequestProperties(DataSize.ofMegabytes(1), DataSize.ofMegabytes(10),
                List.of("https://Portal.example.org")).allowedOrigins())
                .containsExactly("https://portal.example.org:443");
        assertThatThrownBy(() -> new WebRequestProperties(DataSize.ofMegabytes(1), DataSize.ofMegabytes(10), List.of("*")))
                .hasMessageContaining("tokengov.web.allowed-origins");
        assertThatThrownBy(() -> new WebRequestProperties(DataSize.ofBytes(0), DataSize.ofMegabytes(10), List.of()))
                .hasMessageContaining("tokengov.web.max-body-size");
    }
}
