package org.tokengov.redcapsim;

import java.time.LocalDate;

/** A user's row on a project, as REDCap's user export shows it: never with the token. */
record ProjectUser(
        String username,
        String email,
        String firstName,
        String lastName,
        LocalDate expiration,
        int userRights,
        int apiExport,
        int apiImport,
        int mobileApp,
        int logging) {
}
