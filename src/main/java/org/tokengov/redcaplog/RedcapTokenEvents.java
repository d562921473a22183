package org.tokengov.redcaplog;

import java.util.List;
import org.tokengov.redcap.RedcapEnvironment;

/** The token events the log reader has kept, for reconciliation and revocation to read. */
public interface RedcapTokenEvents {

    /** Events of the environment with an id above {@code afterId} (0: all), oldest first. */
    List<TokenEventInRedcap> after(RedcapEnvironment environment, long afterId);

    /** Events on the project after {@code afterId} for the user, or whose user the log does not name. */
    List<TokenEventInRedcap> about(RedcapEnvironment environment, long projectId, String username, long afterId);
}
