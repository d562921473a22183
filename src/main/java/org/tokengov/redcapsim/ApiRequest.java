package org.tokengov.redcapsim;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * The form parameters of one API call. Lists come PHP-style, {@code users[0]=a&users[1]=b}, as REDCap
 * reads them.
 */
record ApiRequest(Map<String, String> parameters, List<String> users) {

    private static final Pattern USERS_ITEM = Pattern.compile("users\\[(\\d*)]");

    ApiRequest {
        parameters = Map.copyOf(parameters);
        users = List.copyOf(users);
    }

    static ApiRequest of(MultiValueMap<String, String> form) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Map<String, Integer> userPositions = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            Matcher item = USERS_ITEM.matcher(name);
            if (item.matches()) {
                int position = item.group(1).isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(item.group(1));
                values.forEach(value -> userPositions.put(value, position));
            } else if (!values.isEmpty() && values.get(0) != null) {
                parameters.put(name, values.get(0));
            }
        });
        List<String> users = userPositions.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .map(Map.Entry::getKey)
                .map(String::trim)
                .filter(user -> !user.isEmpty())
                .toList();
        return new ApiRequest(parameters, users);
    }

    /** A parameter's value, or {@code null} if it is absent or blank. */
    String parameter(String name) {
        String value = parameters.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    String token() {
        String token = parameters.get("token");
        return token == null ? null : token.trim();
    }

    String content() {
        return parameter("content");
    }

    String action() {
        return parameter("action");
    }

    /** REDCap tells an import from an export by whether {@code data} was sent at all. */
    Optional<String> data() {
        return Optional.ofNullable(parameters.get("data"));
    }

    Format format() {
        return Format.ofParameter(parameter("format"));
    }

    Format returnFormat() {
        String returnFormat = parameter("returnFormat");
        return returnFormat == null ? format() : Format.ofParameter(returnFormat);
    }
}
