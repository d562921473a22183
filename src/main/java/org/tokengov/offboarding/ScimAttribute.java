package org.tokengov.offboarding;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One attribute definition of a schema resource (RFC 7643 §7). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ScimAttribute(String name, String type, boolean multiValued, String description, boolean required,
        Boolean caseExact, String mutability, String returned, String uniqueness, List<ScimAttribute> subAttributes) {

    static ScimAttribute string(String name, String description, boolean required, boolean caseExact, String uniqueness) {
        return new ScimAttribute(name, "string", false, description, required, caseExact, "readWrite", "default",
                uniqueness, null);
    }

    static ScimAttribute string(String name, String description) {
        return string(name, description, false, false, "none");
    }

    static ScimAttribute bool(String name, String description) {
        return new ScimAttribute(name, "boolean", false, description, false, null, "readWrite", "default", null, null);
    }

    static ScimAttribute complex(String name, String description, boolean multiValued, List<ScimAttribute> subAttributes) {
        return new ScimAttribute(name, "complex", multiValued, description, false, null, "readWrite", "default", null,
                subAttributes);
    }
}
