package org.tokengov.redcapsim;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One user of a user import: the attributes given, and only those. A value is an {@link Integer}
 * level, a {@link java.time.LocalDate}, or {@code null} for "no expiration".
 */
record UserRightsChange(String username, Map<UserRightsField, Object> values) {

    UserRightsChange {
        EnumMap<UserRightsField, Object> copy = new EnumMap<>(UserRightsField.class);
        copy.putAll(values);
        values = Collections.unmodifiableMap(copy);
    }
}
