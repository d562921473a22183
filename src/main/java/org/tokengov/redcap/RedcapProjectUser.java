package org.tokengov.redcap;

import java.time.LocalDate;

/**
 * One row of REDCap's "Export Users" for a project, as far as this system needs it. {@code userRights} is full access
 * to the project's User Rights ({@code user_rights} 1): read-only access (2) does not manage the project's users. For a
 * member of a user role the rights are the role's, as REDCap applies them.
 *
 * @param roleName the user role the user belongs to, when known ({@code null}: none, or REDCap's API did not say)
 */
public record RedcapProjectUser(
        String username,
        String email,
        LocalDate expiration,
        boolean apiExport,
        boolean apiImport,
        boolean mobileApp,
        boolean userRights,
        String roleName) {

    public RedcapProjectUser(String username, String email, LocalDate expiration, boolean apiExport, boolean apiImport,
            boolean mobileApp, boolean userRights) {
        this(username, email, expiration, apiExport, apiImport, mobileApp, userRights, null);
    }

    public boolean inRole() {
        return roleName != null;
    }

    /** REDCap refuses a project user already on their user-rights expiration date ("expired ... as of" that day). */
    public boolean activeOn(LocalDate day) {
        return expiration == null || expiration.isAfter(day);
    }

    public TokenRights apiRights() {
        return new TokenRights(apiExport, apiImport, mobileApp);
    }
}
