package org.tokengov.dashboard;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.registry.TokenState;

/**
 * What the viewer narrowed the dashboard to; a null part does not narrow. Parsed from the query string, where an
 * empty value means "any" (the form sends every field). Anything else that does not parse is refused with a message
 * naming the field and what it accepts, never guessed.
 */
record DashboardFilter(RedcapEnvironment environment, TokenState state, Long projectId, String holder) {

    /** Camunda's user-id whitelist of this app (application.yml), and the registry column's length. */
    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9_.@-]{1,191}");
    private static final Pattern PROJECT_ID = Pattern.compile("[0-9]{1,18}");

    /** A filter value the dashboard cannot use; the message says which and why. */
    static class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    static DashboardFilter parse(String environment, String state, String project, String holder) {
        return new DashboardFilter(environment(environment), state(state), project(project), holder(holder));
    }

    /** Environment and state belong to tokens; a request matches on its requester and either of its projects. */
    boolean admits(TokenRequestRecord request) {
        return (projectId == null || request.productionProjectId() == projectId || request.qaProjectId() == projectId)
                && admitsPerson(request.requester());
    }

    /** Usage, findings and cases belong to a REDCap user on a project of an environment; the state does not apply. */
    boolean admitsUsage(RedcapEnvironment usedIn, long usedOnProject, String username) {
        return (environment == null || environment == usedIn) && (projectId == null || projectId == usedOnProject)
                && admitsPerson(username);
    }

    boolean admitsPerson(String username) {
        return holder == null || holder.equals(username);
    }

    /** The filter as query parameters, for links that keep it (the CSV export, the lists' pages). */
    Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (environment != null) {
            parameters.put("environment", environment.name());
        }
        if (state != null) {
            parameters.put("state", state.name());
        }
        if (projectId != null) {
            parameters.put("project", projectId.toString());
        }
        if (holder != null) {
            parameters.put("holder", holder);
        }
        return parameters;
    }

    private static RedcapEnvironment environment(String value) {
        return blank(value) ? null : constant(RedcapEnvironment.class, "environment", value);
    }

    private static TokenState state(String value) {
        return blank(value) ? null : constant(TokenState.class, "state", value);
    }

    private static Long project(String value) {
        if (blank(value)) {
            return null;
        }
        String text = value.trim();
        if (!PROJECT_ID.matcher(text).matches() || Long.parseLong(text) == 0) {
            throw new Invalid("project must be a REDCap project id (a positive whole number), not " + quoted(text) + ".");
        }
        return Long.parseLong(text);
    }

    private static String holder(String value) {
        if (blank(value)) {
            return null;
        }
        String text = value.trim();
        if (!USERNAME.matcher(text).matches()) {
            throw new Invalid("holder must be a username (letters, digits and _ . @ -), not " + quoted(text) + ".");
        }
        return text;
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String field, String value) {
        String text = value.trim();
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new Invalid(field + " must be one of " + Arrays.toString(type.getEnumConstants()) + ", not " + quoted(text) + ".");
        }
    }

    /** Echoes a refused value, cut short: it is the visitor's own text, shown back to them. */
    private static String quoted(String text) {
        return "\"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
