package org.tokengov.redcapsim;

/**
 * The User Rights privileges that the user, role and role-assignment methods need beyond the API right, with REDCap's
 * texts (REDCAP-FACTS.md 4, from REDCap's English.ini). None of these refusals is logged.
 */
final class UserRightsPrivileges {

    /** api_229. */
    static final String EXPORT = "Insufficient user privileges: You must have 'API Export' privileges and 'User Rights'"
            + " privileges (Full Access or Read Only) in the project.";
    /** api_103. */
    static final String USER_IMPORT = "Insufficient user privileges: You must have 'API Import/Update' privileges and"
            + " 'User Rights' privileges in the project in order to import/update users via the API Import Users method.";
    /** api_171: "the same wording, for roles" says the sheet; the simulator's words for it. */
    static final String ROLE_IMPORT = "Insufficient user privileges: You must have 'API Import/Update' privileges and"
            + " 'User Rights' privileges in the project in order to import/update user roles via the API Import User"
            + " Roles method.";
    /** After {@code The user "x" }: api_112. */
    static final String IN_A_ROLE = "cannot have their user privileges modified because the user belongs to a user role."
            + " Users in roles cannot have their privileges modified via the 'Import User' API method.";
    /** User and role deletion also need Delete Records (per REDCap's code; this text is the simulator's). */
    static final String NO_RECORD_DELETE = "You do not have Delete Records privileges, which are required for this"
            + " operation.";

    private UserRightsPrivileges() {
    }

    /** Full Access or Read Only. */
    static void requireToExport(TokenOwner caller) {
        if (!caller.mayReadUserRights()) {
            throw ApiError.badRequest(EXPORT);
        }
    }

    static void requireToImportUsers(TokenOwner caller) {
        if (!mayChangeUserRights(caller)) {
            throw ApiError.badRequest(USER_IMPORT);
        }
    }

    static void requireToImportRoles(TokenOwner caller) {
        if (!mayChangeUserRights(caller)) {
            throw ApiError.badRequest(ROLE_IMPORT);
        }
    }

    /** A 403 that REDCap does not log. */
    static void requireRecordDelete(TokenOwner caller) {
        if (!caller.mayDeleteRecords()) {
            throw ApiError.forbidden(NO_RECORD_DELETE);
        }
    }

    static String inARole(String username) {
        return "The user \"" + username + "\" " + IN_A_ROLE;
    }

    /** Full Access only: Read Only views User Rights but changes nothing. */
    private static boolean mayChangeUserRights(TokenOwner caller) {
        return caller.superUser() || (caller.mayImport() && caller.rights().userRights() == 1);
    }
}
