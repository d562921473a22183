package org.tokengov.redcap;

import java.util.Optional;

/**
 * Our verbs for REDCap's API. Every call goes through the environment's client-side rate budget.
 * Project-level calls use the steward token configured for that project.
 */
public interface RedcapApi {

    /** {@code content=version}: REDCap's version string, e.g. {@code 15.7.6}. */
    String version(RedcapEnvironment environment, long projectId);

    /** {@code content=user}: the user's row on the project, empty if the user is not a project user. */
    Optional<RedcapProjectUser> findProjectUser(RedcapEnvironment environment, long projectId, String username);
}
