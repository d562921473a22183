package org.tokengov.redcapsim;

import java.util.Arrays;
import java.util.Optional;

/** The user attributes of REDCap's user API that the shared schema keeps, with their columns. */
enum UserRightsField {

    EXPIRATION("expiration", "expiration", 0),
    USER_RIGHTS("user_rights", "user_rights", 2),
    API_EXPORT("api_export", "api_export", 1),
    API_IMPORT("api_import", "api_import", 1),
    MOBILE_APP("mobile_app", "mobile_app", 1),
    LOGGING("logging", "data_logging", 1);

    private final String attribute;
    private final String column;
    private final int highestLevel;

    UserRightsField(String attribute, String column, int highestLevel) {
        this.attribute = attribute;
        this.column = column;
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

    boolean isDate() {
        return this == EXPIRATION;
    }

    /** Rights are levels from 0 (none); user_rights has 2, read-only, since REDCap 14. */
    int highestLevel() {
        return highestLevel;
    }
}
