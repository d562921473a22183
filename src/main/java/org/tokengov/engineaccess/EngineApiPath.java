package org.tokengov.engineaccess;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The path of a call to an engine API after its prefix ({@code /engine-rest} or {@code /camunda/api/engine}), as
 * decoded segments, without the engine part ({@code /engine/{name}}) that both APIs accept: {@code task/42/claim}.
 * Read from the raw request URI, as Jersey matches it, and refused rather than guessed when it could be read in more
 * than one way: matrix parameters ({@code ;}), encoded slashes or backslashes, dot segments, empty segments
 * ({@code //}), bad percent-encoding or control characters.
 */
record EngineApiPath(List<String> segments) {

    static EngineApiPath parse(String rawPathAfterPrefix) {
        if (rawPathAfterPrefix.indexOf(';') >= 0) {
            throw malformed("matrix parameters (;) are not accepted");
        }
        List<String> segments = new ArrayList<>();
        String path = rawPathAfterPrefix.startsWith("/") ? rawPathAfterPrefix.substring(1) : rawPathAfterPrefix;
        if (!path.isEmpty()) {
            String[] raw = path.split("/", -1);
            for (int i = 0; i < raw.length; i++) {
                boolean trailing = i == raw.length - 1;
                if (raw[i].isEmpty() && trailing) {
                    continue;
                }
                segments.add(decode(raw[i]));
            }
        }
        if (segments.size() >= 2 && segments.get(0).equals("engine")) {
            return new EngineApiPath(List.copyOf(segments.subList(2, segments.size())));
        }
        return new EngineApiPath(List.copyOf(segments));
    }

    /** Whether the path matches a pattern such as {@code task/*}{@code /claim}, where {@code *} is any one segment. */
    boolean is(String pattern) {
        String[] parts = pattern.isEmpty() ? new String[0] : pattern.split("/");
        if (parts.length != segments.size()) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].equals("*") && !parts[i].equals(segments.get(i))) {
                return false;
            }
        }
        return true;
    }

    String segment(int index) {
        return segments.get(index);
    }

    boolean contains(String segment) {
        return segments.contains(segment);
    }

    private static String decode(String raw) {
        if (raw.isEmpty()) {
            throw malformed("empty path segments (//) are not accepted");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw malformed("the path has a broken percent-encoding");
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw malformed("the path has a broken percent-encoding");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        String segment;
        try {
            segment = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw malformed("the path is not valid UTF-8");
        }
        if (segment.equals(".") || segment.equals("..")) {
            throw malformed("dot segments (. and ..) are not accepted");
        }
        if (segment.chars().anyMatch(c -> c == '/' || c == '\\' || c == ';' || c < 0x20 || c == 0x7f)) {
            throw malformed("encoded slashes, backslashes, semicolons and control characters are not accepted");
        }
        return segment;
    }

    private static MalformedCallException malformed(String why) {
        return new MalformedCallException("This address cannot be used: " + why + ".");
    }
}
