package org.tokengov.redcapsim;

import java.util.Arrays;
import java.util.Optional;

/**
 * The attributes of REDCap's user and role import that the simulator keeps, with their columns in
 * {@code redcap_user_rights} and {@code redcap_user_roles}.
 */
enum UserRightsField {

    EXPIRATION("expiration", "expiration", Kind.DATE, 0),
    DESIGN("design", "design", Kind.LEVEL, 1),
    /** 0 none, 1 full access, 2 read-only (since REDCap 14). */
    USER_RIGHTS("user_rights", "user_rights", Kind.LEVEL, 2),
    LOGGING("logging", "data_logging", Kind.LEVEL, 1),
    RECORD_DELETE("record_delete", "record_delete", Kind.LEVEL, 1),
    API_EXPORT("api_export", "api_export", Kind.LEVEL, 1),
    API_IMPORT("api_import", "api_import", Kind.LEVEL, 1),
    API_MODULES("api_modules", "api_modules", Kind.LEVEL, 1),
    MOBILE_APP("mobile_app", "mobile_app", Kind.LEVEL, 1),
    MOBILE_APP_DOWNLOAD_DATA("mobile_app_download_data", "mobile_app_download_data", Kind.LEVEL, 1),
    /** Viewing rights per form; since 15.6 a bitmask from 128 (REDCAP-FACTS.md 1), the older 0–3 still read. */
    FORMS("forms", "data_entry", Kind.FORM_RIGHTS, 255),
    /** Export rights per form: 0 No Access, 1 Full Data Set, 2 De-Identified, 3 Remove Identifiers. */
    FORMS_EXPORT("forms_export", "data_export_instruments", Kind.FORM_RIGHTS, 3);

    private final String attribute;
    private final String column;
    private final Kind kind;
    private final int highestLevel;

    UserRightsField(String attribute, String column, Kind kind, int highestLevel) {
        this.attribute = attribute;
        this.column = column;
        this.kind = kind;
        this.highestLevel = highestLevel;
    }

    static Optional<UserRightsField> ofAttribute(String attribute) {
        return Arrays.stream(values()).filter(field -> field.attribute.equals(attribute)).findFirst();
    }

    String attribute() {
        return attribute;
    }

    String column() {
        return column;
    }

    Kind kind() {
        return kind;
    }

    /** Rights are levels from 0 (none) to this. */
    int highestLevel() {
        return highestLevel;
    }

    /** A role has every right of a user, but no expiration (REDCAP-FACTS.md 1). */
    boolean appliesToRoles() {
        return this != EXPIRATION;
    }

    enum Kind { DATE, LEVEL, FORM_RIGHTS }
}
