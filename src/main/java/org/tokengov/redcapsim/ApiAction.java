package org.tokengov.redcapsim;

/**
 * What a call does, which decides the right it needs (REDCAP-FACTS.md 4). REDCap reads it from {@code action} where a
 * method has several ({@code user}, {@code userRole}, {@code userRoleMapping}, {@code record}) and otherwise from
 * whether {@code data} was sent.
 */
enum ApiAction {

    EXPORT, IMPORT, DELETE;

    static final String NO_EXPORT = "You do not have API Export privileges";
    static final String NO_IMPORT = "You do not have API Import/Update privileges";

    static ApiAction of(String content, ApiRequest request) {
        if (content.equals("version")) {
            return EXPORT;
        }
        String action = request.action();
        if (action == null || !hasActions(content)) {
            return request.data().isPresent() ? IMPORT : EXPORT;
        }
        return switch (action) {
            case "export" -> request.data().isPresent() ? IMPORT : EXPORT;
            case "import" -> IMPORT;
            case "delete" -> DELETE;
            default -> throw ApiError.badRequest("The value of the parameter \"action\" is not valid");
        };
    }

    private static boolean hasActions(String content) {
        return switch (content) {
            case "user", "userRole", "userRoleMapping", "record" -> true;
            default -> false;
        };
    }

    /** Deleting needs the import right, as in REDCap; a refusal is logged as invalid user rights with the raw POST. */
    void requireRight(TokenOwner caller, ApiRequest request) {
        boolean allowed = this == EXPORT ? caller.mayExport() : caller.mayImport();
        if (!allowed) {
            throw ApiError.forbidden(this == EXPORT ? NO_EXPORT : NO_IMPORT)
                    .logged(LogEvent.failedRequest(caller.projectId(), caller.username(), request, "user rights invalid"));
        }
    }
}
