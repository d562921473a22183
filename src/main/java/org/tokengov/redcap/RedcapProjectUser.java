package org.tokengov.redcap;

import java.time.LocalDate;

/**
 * One row of REDCap's "Export Users" for a project, as far as this system needs it. {@code userRights} is full access
 * to the project's User Rights ({@code user_rights} 1): read-only access (2) does not manage the project's users.
 */
public record RedcapProjectUser(
        String username,
        String email,
        LocalDate expiration,
        boolean apiExport,
        boolean apiImport,
        boolean mobileApp,
        boolean userRights) {

    /** REDCap refuses a project user already on their user-rights expiration date ("expired ... as of" that day). */
    public boolean activeOn(LocalDate day) {
        return expiration == null || expiration.isAfter(day);
    }

    public TokenRights apiRights() {
        return new TokenRights(apiExport, apiImport, mobileApp);
    }
}
