package org.tokengov.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code tokengov.web.*}: the largest request body any endpoint takes ({@code max-body-size}, 1 MB), except the leak
 * scan's upload of a repository ({@code max-scan-upload-size}, 10 MB), and the origins
 * besides the app's own from which a browser may send state-changing requests to {@code /api}, {@code /scim} and
 * {@code /engine-rest} ({@code allowed-origins}, none). A setting that cannot be what it says stops the start-up.
 */
@ConfigurationProperties("tokengov.web")
record WebRequestProperties(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("10MB") DataSize maxScanUploadSize,
        @DefaultValue List<String> allowedOrigins) {

    WebRequestProperties {
        if (maxBodySize.toBytes() < 1) {
            throw new IllegalArgumentException("tokengov.web.max-body-size must be at least 1 byte");
        }
        if (maxScanUploadSize.toBytes() < 1) {
            throw new IllegalArgumentException("tokengov.web.max-scan-upload-size must be at least 1 byte");
        }
        allowedOrigins = allowedOrigins.stream()
                .map(origin -> Origins.normalize(origin).orElseThrow(() -> new IllegalArgumentException(
                        "tokengov.web.allowed-origins: " + origin + " is not an origin such as https://host.example.org")))
                .toList();
    }
}
