package org.tokengov.redcap;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Lowers a person's API rights on a REDCap project (a PI's "minimum necessary access" decision), never raising one:
 * the database mode with SQL on {@code redcap_user_rights} and an {@code Edit user} log row; the manual mode through
 * REDCap's API user import. Both refuse a member of a user role ({@link RedcapRoleMemberException}): the role's
 * rights are shared, so an administrator decides by hand.
 */
@Component
public class ApiRights {

    /** What the reduction did. */
    public enum Outcome {
        /** At least one right is off now. */
        REDUCED,
        /** Nothing above what is kept, or not a user of the project. */
        NOTHING_TO_REDUCE
    }

    private final RedcapProperties servers;
    private final DatabaseTokenAdministration database;
    private final RedcapApiClient api;

    ApiRights(RedcapProperties servers, DatabaseTokenAdministration database, RedcapApiClient api) {
        this.servers = servers;
        this.database = database;
        this.api = api;
    }

    public Outcome reduce(RedcapEnvironment environment, long projectId, String username, TokenRights keep, String by) {
        if (servers.server(environment).tokenAdministration() == TokenAdministrationMode.DATABASE) {
            return database.reduceApiRights(environment, projectId, username, keep, by) ? Outcome.REDUCED
                    : Outcome.NOTHING_TO_REDUCE;
        }
        Optional<RedcapProjectUser> user = api.findProjectUser(environment, projectId, username);
        if (user.isEmpty()) {
            return Outcome.NOTHING_TO_REDUCE;
        }
        TokenRights now = user.get().apiRights();
        TokenRights lowered = new TokenRights(now.export() && keep.export(), now.importData() && keep.importData(),
                now.mobileApp() && keep.mobileApp());
        if (lowered.equals(now)) {
            return Outcome.NOTHING_TO_REDUCE;
        }
        if (user.get().inRole()) {
            throw new RedcapRoleMemberException("The user \"" + username + "\" belongs to a user role on project "
                    + projectId + ": their API rights are the role's");
        }
        api.setApiRights(environment, projectId, username, lowered);
        return Outcome.REDUCED;
    }
}
