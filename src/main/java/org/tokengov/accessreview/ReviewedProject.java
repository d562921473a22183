package org.tokengov.accessreview;

import org.tokengov.redcap.RedcapEnvironment;

/** One project under review; as a process variable it is its key, e.g. {@code PROD:101} (no Java serialization). */
record ReviewedProject(RedcapEnvironment environment, long projectId) {

    static ReviewedProject parse(String key) {
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("Not a project key (ENVIRONMENT:projectId): " + key);
        }
        return new ReviewedProject(RedcapEnvironment.valueOf(key.substring(0, colon)),
                Long.parseLong(key.substring(colon + 1)));
    }

    String key() {
        return environment + ":" + projectId;
    }
}
