package org.tokengov.usage;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.tokengov.input.StrictJson;
import org.tokengov.redcap.TokenValuesInText;

/**
 * Finds what looks like an API token (a run of 32 or 64 hexadecimal characters: a project or super token) anywhere in a
 * usage-event delivery, before anything in it is read, so a sender that copied REDCap's POST parameters wholesale is
 * refused instead of handing us a token. Says where, never what.
 */
final class TokenLikeValues {

    private TokenLikeValues() {
    }

    /** The JSON path of the first token-like value ({@code calls[2].records[0]}), "the body" if it has no JSON path. */
    static Optional<String> where(byte[] body) {
        Optional<String> found;
        try {
            // Values as the JSON means them (escapes such as \u0041, numbers), so an escape cannot hide a token.
            found = find(StrictJson.readObject(body), "");
        } catch (StrictJson.Unreadable notJson) {
            found = Optional.empty();
        }
        if (found.isEmpty() && !TokenValuesInText.fingerprintsIn(new String(body, StandardCharsets.UTF_8)).isEmpty()) {
            return Optional.of("the body");
        }
        return found;
    }

    private static Optional<String> find(JsonNode node, String path) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (tokenLike(field.getKey())) {
                    return Optional.of(path.isEmpty() ? "a field name" : "a field name in " + path);
                }
                Optional<String> found = find(field.getValue(), at);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = find(node.get(i), path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        return node.isValueNode() && tokenLike(node.asText()) ? Optional.of(path) : Optional.empty();
    }

    private static boolean tokenLike(String text) {
        return !TokenValuesInText.fingerprintsIn(text).isEmpty();
    }
}
