package org.tokengov.redcapsim;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.util.MultiValueMap;

/**
 * The form parameters of one API call and where it came from. Lists come PHP-style, {@code users[0]=a&users[1]=b}, as
 * REDCap reads them; {@code records} and {@code fields} may also be one comma-separated value.
 *
 * @param lists the PHP-style lists by name ({@code users}, {@code records}, …), in index order
 * @param rawPost the request's form as it was sent, token included: REDCap logs it so on a failed request
 * @param ip the client's address, from X-Forwarded-For when present (REDCAP-FACTS.md 2)
 */
record ApiRequest(Map<String, String> parameters, Map<String, List<String>> lists, String rawPost, String ip) {

    private static final Pattern LIST_ITEM = Pattern.compile("([A-Za-z_]+)\\[(\\d*)]");

    ApiRequest {
        parameters = Map.copyOf(parameters);
        lists = Map.copyOf(lists);
    }

    static ApiRequest of(MultiValueMap<String, String> form, String ip) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, List<String>>> items = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            Matcher item = LIST_ITEM.matcher(name);
            if (item.matches()) {
                int position = item.group(2).isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(item.group(2));
                items.computeIfAbsent(item.group(1), list -> new TreeMap<>(Comparator.naturalOrder()))
                        .computeIfAbsent(position, at -> new ArrayList<>()).addAll(values);
            } else if (!values.isEmpty() && values.get(0) != null) {
                parameters.put(name, values.get(0));
            }
        });
        Map<String, List<String>> lists = new LinkedHashMap<>();
        items.forEach((name, byPosition) -> lists.put(name, byPosition.values().stream().flatMap(List::stream)
                .map(String::trim).filter(value -> !value.isEmpty()).distinct().toList()));
        return new ApiRequest(parameters, lists, rawPost(form), ip);
    }

    /** A parameter's value, or {@code null} if it is absent or blank. */
    String parameter(String name) {
        String value = parameters.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** {@code name[0]=a&name[1]=b}, or else {@code name=a,b}; empty if neither was sent. */
    List<String> list(String name) {
        List<String> items = lists.get(name);
        if (items != null && !items.isEmpty()) {
            return items;
        }
        String joined = parameter(name);
        return joined == null ? List.of() : Arrays.stream(joined.split(",")).map(String::trim)
                .filter(value -> !value.isEmpty()).distinct().toList();
    }

    List<String> users() {
        return list("users");
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

    /** REDCap's flags are {@code true}/{@code 1}. */
    boolean flag(String name) {
        String value = parameter(name);
        return value != null && (value.trim().equalsIgnoreCase("true") || value.trim().equals("1"));
    }

    private static String rawPost(MultiValueMap<String, String> form) {
        return form.entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(value -> encode(entry.getKey()) + "="
                        + encode(value == null ? "" : value)))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        // The token is a secret: never in a log line or an exception message.
        return "ApiRequest[content=" + parameters.get("content") + ", ip=" + ip + "]";
    }
}
