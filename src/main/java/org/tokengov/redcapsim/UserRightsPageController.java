package org.tokengov.redcapsim;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Simulator only: a PI editing a user on a project's User Rights page, as a form post: {@code POST …/user-rights}
 * ({@code username}, {@code projectId}, any of {@code api_export}, {@code api_import}, {@code mobile_app},
 * {@code user_rights}, {@code data_logging}, {@code design}, {@code record_delete}, {@code expiration}, optional
 * {@code roleName} and {@code by}). Rights not sent stay as they are.
 */
@RestController
@ConditionalOnRedcapSimulator
class UserRightsPageController {

    /** The form's names are the columns' names. */
    private static final Set<UserRightsField> EDITABLE = EnumSet.of(UserRightsField.EXPIRATION, UserRightsField.API_EXPORT,
            UserRightsField.API_IMPORT, UserRightsField.MOBILE_APP, UserRightsField.USER_RIGHTS, UserRightsField.LOGGING,
            UserRightsField.DESIGN, UserRightsField.RECORD_DELETE);

    private final RedcapServers servers;
    private final UserRightsPage userRights;

    UserRightsPageController(RedcapServers servers, UserRightsPage userRights) {
        this.servers = servers;
        this.userRights = userRights;
    }

    @PostMapping(path = "/redcap-sim/{environment}/user-rights", produces = "application/json")
    ResponseEntity<Map<String, Object>> edit(@PathVariable String environment,
            @RequestParam MultiValueMap<String, String> form, HttpServletRequest http) {
        return Pages.answer(servers, environment, http, page -> {
            String username = Pages.required(form, "username");
            int projectId = Pages.projectId(form);
            Map<UserRightsField, Object> rights = rights(form);
            String roleName = form.containsKey("roleName") ? Optional.ofNullable(form.getFirst("roleName")).orElse("")
                    : null;
            Optional<UserRole> role = userRights.edit(page, Pages.optional(form, "by").orElse(null), username, projectId,
                    rights, roleName);
            return Pages.body("username", username, "projectId", projectId,
                    "uniqueRoleName", role.map(UserRole::uniqueRoleName).orElse(null));
        });
    }

    private static Map<UserRightsField, Object> rights(MultiValueMap<String, String> form) {
        Map<UserRightsField, Object> rights = new EnumMap<>(UserRightsField.class);
        for (UserRightsField field : EDITABLE) {
            String value = form.getFirst(field.column());
            if (value == null) {
                continue;
            }
            if (field == UserRightsField.EXPIRATION) {
                rights.put(field, expiration(value.trim()));
            } else if (value.trim().matches("\\d") && Integer.parseInt(value.trim()) <= field.highestLevel()) {
                rights.put(field, Integer.parseInt(value.trim()));
            } else {
                throw PageError.badRequest(field.column() + " must be a number from 0 to " + field.highestLevel());
            }
        }
        return rights;
    }

    private static LocalDate expiration(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw PageError.badRequest("expiration must be a date YYYY-MM-DD, or empty for none");
        }
    }
}
