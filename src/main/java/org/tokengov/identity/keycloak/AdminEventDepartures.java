package org.tokengov.identity.keycloak;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keycloak.representations.idm.AdminEventRepresentation;

/**
 * Which users Keycloak's admin events, in time order, show disabled or deleted: a DELETE of a USER resource (Keycloak
 * 26.5 writes the deleted user's id and username as its representation; older servers write none), or an UPDATE
 * whose representation (the body the caller sent; needs the realm's {@code adminEventsDetailsEnabled}) says
 * {@code "enabled": false}; the user is then named by its id only, to be looked up. A user's last event counts:
 * re-enabled later means not departed. Other updates (name, attributes, an update without {@code enabled}) and failed
 * operations change nothing.
 */
final class AdminEventDepartures {

    /** A departed Keycloak user: its internal id, and its username when Keycloak's own deletion event names it. */
    record DepartedUser(String userId, String username, boolean deleted) {
    }

    private static final Pattern USER_PATH = Pattern.compile("users/([^/]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private AdminEventDepartures() {
    }

    static List<DepartedUser> of(List<AdminEventRepresentation> events) {
        Map<String, DepartedUser> byUser = new LinkedHashMap<>();
        for (AdminEventRepresentation event : events) {
            if (!"USER".equals(event.getResourceType()) || event.getError() != null || event.getResourcePath() == null) {
                continue;
            }
            Matcher path = USER_PATH.matcher(event.getResourcePath());
            if (!path.matches()) {
                continue;
            }
            String userId = path.group(1);
            JsonNode representation = representation(event);
            if ("DELETE".equals(event.getOperationType())) {
                byUser.remove(userId);
                byUser.put(userId, new DepartedUser(userId, username(representation), true));
            } else if ("UPDATE".equals(event.getOperationType())) {
                JsonNode enabled = representation.path("enabled");
                if (!enabled.isBoolean()) {
                    continue;
                }
                byUser.remove(userId);
                if (!enabled.booleanValue()) {
                    // An update's representation is the body the caller sent, not the user: its username names nobody.
                    byUser.put(userId, new DepartedUser(userId, null, false));
                }
            }
        }
        return new ArrayList<>(byUser.values());
    }

    private static String username(JsonNode representation) {
        JsonNode username = representation.path("username");
        return username.isTextual() ? username.textValue() : null;
    }

    private static JsonNode representation(AdminEventRepresentation event) {
        if (event.getRepresentation() == null) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(event.getRepresentation());
        } catch (JsonProcessingException e) {
            return JSON.missingNode();
        }
    }
}
