package org.tokengov.redcapsim;

/**
 * What a call does, which decides the right it needs. REDCap reads it from {@code action} for
 * {@code content=user} and otherwise from whether {@code data} was sent.
 */
enum ApiAction {

    EXPORT, IMPORT, DELETE;

    static final String NO_EXPORT = "You do not have API Export privileges";
    static final String NO_IMPORT = "You do not have API Import/Update privileges";

    static ApiAction of(String content, ApiRequest request) {
        if (content.equals("version")) {
            return EXPORT;
        }
        if (!content.equals("user")) {
            return request.data().isPresent() ? IMPORT : EXPORT;
        }
        String action = request.action();
        if (action == null) {
            return request.data().isPresent() ? IMPORT : EXPORT;
        }
        return switch (action) {
            case "export" -> request.data().isPresent() ? IMPORT : EXPORT;
            case "import" -> IMPORT;
            case "delete" -> DELETE;
            default -> throw ApiError.badRequest("The value of the parameter \"action\" is not valid");
        };
    }

    /** Deleting users needs the import right, as in REDCap. */
    void requireRight(TokenOwner caller) {
        boolean allowed = this == EXPORT ? caller.mayExport() : caller.mayImport();
        if (!allowed) {
            throw ApiError.forbidden(this == EXPORT ? NO_EXPORT : NO_IMPORT);
        }
    }
}
