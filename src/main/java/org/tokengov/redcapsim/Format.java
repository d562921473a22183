package org.tokengov.redcapsim;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.MediaType;

/** REDCap's {@code format} and {@code returnFormat}: anything but json or csv means xml. */
enum Format {

    JSON(new MediaType("application", "json", StandardCharsets.UTF_8)),
    CSV(new MediaType("text", "csv", StandardCharsets.UTF_8)),
    XML(new MediaType("text", "xml", StandardCharsets.UTF_8));

    private final MediaType mediaType;

    Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    static Format ofParameter(String value) {
        if (value == null) {
            return XML;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "json" -> JSON;
            case "csv" -> CSV;
            default -> XML;
        };
    }

    MediaType mediaType() {
        return mediaType;
    }
}
