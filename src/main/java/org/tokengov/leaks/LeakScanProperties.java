package org.tokengov.leaks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code tokengov.leaks.*}: how much an uploaded archive may unpack to ({@code max-unpacked-size}, 50 MB) and how many
 * files it may hold ({@code max-files}, 20,000), so that a small archive cannot make the scan read without end (the
 * upload itself is limited by {@code tokengov.web.max-scan-upload-size}).
 */
@ConfigurationProperties("tokengov.leaks")
public record LeakScanProperties(@DefaultValue("50MB") DataSize maxUnpackedSize, @DefaultValue("20000") int maxFiles) {

    public LeakScanProperties {
        if (maxUnpackedSize.toBytes() < 1) {
            throw new IllegalArgumentException("tokengov.leaks.max-unpacked-size must be at least 1 byte");
        }
        if (maxFiles < 1) {
            throw new IllegalArgumentException("tokengov.leaks.max-files must be at least 1");
        }
    }
}
