package org.tokengov.redcapsim;

import java.time.LocalDate;

/**
 * Who an API token belongs to, and what it may do. REDCap gives super users every right on every
 * project they are on, whatever their row says, and their access never expires.
 */
record TokenOwner(
        int projectId,
        String username,
        LocalDate expiration,
        boolean superUser,
        boolean apiExport,
        boolean apiImport,
        boolean userRights,
        boolean dataLogging) {

    /** REDCap counts the expiration day itself as expired. */
    boolean expiredOn(LocalDate today) {
        return !superUser && expiration != null && !expiration.isAfter(today);
    }

    boolean mayExport() {
        return superUser || apiExport;
    }

    boolean mayImport() {
        return superUser || apiImport;
    }

    boolean mayManageUsers() {
        return superUser || userRights;
    }

    boolean mayReadLogging() {
        return superUser || dataLogging;
    }
}
