package org.tokengov.redcap;

import java.time.LocalDateTime;
import java.util.List;
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

    /** {@code content=user}: every user of the project. */
    List<RedcapProjectUser> projectUsers(RedcapEnvironment environment, long projectId);

    /**
     * {@code content=user} import: sets the user's API rights on the project. All off leaves the token in place,
     * but every call with it then fails with 403 (the manual mode's only lever). A user in a REDCap user role cannot
     * be changed this way: {@link RedcapRoleMemberException}, which retrying never cures.
     */
    void setApiRights(RedcapEnvironment environment, long projectId, String username, TokenRights rights);

    /**
     * {@code content=log} from {@code beginTime} on (REDCap's local time, to the minute; REDCap includes the minute
     * itself), as REDCap returns it: newest first, to the minute, without row ids. Each row is scrubbed of token
     * values before it leaves the port ({@link TokenValuesInText}).
     */
    List<RedcapLogRow> logSince(RedcapEnvironment environment, long projectId, LocalDateTime beginTime);
}
