package org.tokengov.accessreview;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tokengov.redcap.TokenRights;

/**
 * The API rights each listed holder has enabled in REDCap (a role member's are the role's), as the review found them;
 * as a process variable {@code alice=export+import,bob=export} (usernames have neither {@code =} nor {@code ,}). A
 * holder REDCap did not list is missing.
 */
record HolderRights(Map<String, TokenRights> enabled) {

    static final String EXPORT = "export";
    static final String IMPORT = "import";
    static final String MOBILE_APP = "mobile_app";

    HolderRights {
        enabled = Collections.unmodifiableMap(new LinkedHashMap<>(enabled));
    }

    Optional<TokenRights> of(String holder) {
        return Optional.ofNullable(enabled.get(holder));
    }

    String encode() {
        List<String> entries = new ArrayList<>();
        enabled.forEach((holder, rights) -> entries.add(holder + "=" + String.join("+", words(rights))));
        return String.join(",", entries);
    }

    static HolderRights decode(String text) {
        Map<String, TokenRights> enabled = new LinkedHashMap<>();
        if (text != null && !text.isBlank()) {
            for (String entry : text.split(",")) {
                int equals = entry.indexOf('=');
                List<String> words = Arrays.asList(entry.substring(equals + 1).split("\\+"));
                enabled.put(entry.substring(0, equals).trim(), new TokenRights(words.contains(EXPORT), words.contains(IMPORT),
                        words.contains(MOBILE_APP)));
            }
        }
        return new HolderRights(enabled);
    }

    /** The rights' names, as the PI writes them: export, import, mobile_app. */
    static List<String> words(TokenRights rights) {
        List<String> words = new ArrayList<>();
        if (rights.export()) {
            words.add(EXPORT);
        }
        if (rights.importData()) {
            words.add(IMPORT);
        }
        if (rights.mobileApp()) {
            words.add(MOBILE_APP);
        }
        return words;
    }

    /** One right's name as a PI may write it ("mobile app" and "mobile-app" too); empty if it names none. */
    static Optional<String> word(String written) {
        String word = written.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return switch (word) {
            case EXPORT, IMPORT, MOBILE_APP -> Optional.of(word);
            case "mobile" -> Optional.of(MOBILE_APP);
            default -> Optional.empty();
        };
    }
}
