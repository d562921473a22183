package org.tokengov.redcapsim;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a simulated server does with API calls: answer them, fail them, or hold them. */
enum OutageMode {

    NONE, ERROR, HANG;

    static Optional<OutageMode> ofParameter(String value) {
        return Arrays.stream(values()).filter(mode -> mode.parameter().equalsIgnoreCase(value == null ? "" : value.trim()))
                .findFirst();
    }

    String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }
}
