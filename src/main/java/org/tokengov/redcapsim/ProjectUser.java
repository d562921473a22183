package org.tokengov.redcapsim;

import java.time.LocalDate;

/**
 * A user's row on a project as REDCap's user export shows it, never with the token: {@code rights} are the role's
 * when the user is in one.
 *
 * @param uniqueRoleName the role's {@code unique_role_name}, or {@code null}
 */
record ProjectUser(
        String username,
        String email,
        String firstName,
        String lastName,
        LocalDate expiration,
        Integer roleId,
        String uniqueRoleName,
        Integer groupId,
        Rights rights) {
}
