package org.tokengov.leaks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tokengov.redcap.TokenFingerprint;
import org.tokengov.redcap.TokenValuesInText;

/**
 * The token-shaped values of the files scanned so far, as fingerprints, each with where it was first seen
 * ({@code path:line}). Files are read as ISO-8859-1, so every byte is one character and no encoding error hides a value.
 */
final class TokenSightings {

    private final Map<TokenFingerprint, String> firstSeen = new LinkedHashMap<>();
    private int files;

    void scan(String path, InputStream content) throws IOException {
        files++;
        BufferedReader lines = new BufferedReader(new InputStreamReader(content, StandardCharsets.ISO_8859_1));
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            for (TokenFingerprint value : TokenValuesInText.fingerprintsIn(line)) {
                firstSeen.putIfAbsent(value, path + ":" + number);
            }
        }
    }

    Map<TokenFingerprint, String> firstSeen() {
        return Collections.unmodifiableMap(firstSeen);
    }

    int files() {
        return files;
    }
}
