package org.tokengov.redcapsim;

import java.time.LocalDate;

/**
 * Who a project API token belongs to, and what it may do: the user's rights on the project, or their role's
 * (REDCAP-FACTS.md 1). REDCap gives super users every right on every project they are on, whatever their row says,
 * and their access never expires.
 *
 * @param groupId the user's data access group, if any
 */
record TokenOwner(
        int projectId,
        String username,
        LocalDate expiration,
        boolean superUser,
        Integer roleId,
        Integer groupId,
        Rights rights) {

    /** REDCap counts the expiration day itself as expired (REDCAP-FACTS.md 4: {@code expiration <= today}). */
    boolean expiredOn(LocalDate today) {
        return !superUser && expiration != null && !expiration.isAfter(today);
    }

    boolean mayExport() {
        return superUser || rights.apiExport() == 1;
    }

    boolean mayImport() {
        return superUser || rights.apiImport() == 1;
    }

    /** Full access or read-only on the User Rights page. */
    boolean mayReadUserRights() {
        return superUser || rights.userRights() != 0;
    }

    boolean mayReadLogging() {
        return superUser || (rights.dataLogging() != 0 && rights.mayExportData());
    }

    boolean mayDeleteRecords() {
        return superUser || rights.recordDelete() != 0;
    }

    /** {@code mobile_app=1} in the request: full privileges, for a user with the Mobile App right (REDCAP-FACTS.md 4). */
    TokenOwner asMobileApp() {
        return rights.mobileApp() == 1
                ? new TokenOwner(projectId, username, expiration, superUser, roleId, groupId, rights.withMobileAppPrivileges())
                : this;
    }
}
