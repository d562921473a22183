package org.tokengov.redcap;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The {@link RedcapApi} every capability uses: in the database mode, project users are read from REDCap's database
 * (no API token of this system needed, no rate-budget permit spent); everything else, and every manual-mode server, goes
 * over REDCap's API. Writes of API rights are safe to repeat after a crash ({@link #setApiRights}).
 */
@Primary
@Component
public class RedcapApiByMode implements RedcapApi {

    private final RedcapProperties properties;
    private final RedcapApiClient api;
    private final DatabaseProjectUsers database;
    private final RightsWrites rightsWrites;

    RedcapApiByMode(RedcapProperties properties, RedcapApiClient api, DatabaseProjectUsers database,
            RightsWrites rightsWrites) {
        this.properties = properties;
        this.api = api;
        this.database = database;
        this.rightsWrites = rightsWrites;
    }

    @Override
    public String version(RedcapEnvironment environment, long projectId) {
        return api.version(environment, projectId);
    }

    @Override
    public Optional<RedcapProjectUser> findProjectUser(RedcapEnvironment environment, long projectId, String username) {
        return inDatabaseMode(environment) ? database.find(environment, projectId, username)
                : api.findProjectUser(environment, projectId, username);
    }

    @Override
    public List<RedcapProjectUser> projectUsers(RedcapEnvironment environment, long projectId) {
        return inDatabaseMode(environment) ? database.of(environment, projectId) : api.projectUsers(environment, projectId);
    }

    /**
     * Idempotent across a crash: the write is recorded as asked before the call (see {@link RightsWrites}); a retry of
     * an attempt whose step never committed reads the user's rights first (one more permit in the manual mode, none in
     * the database mode) and writes only if REDCap does not hold them yet.
     */
    @Override
    public void setApiRights(RedcapEnvironment environment, long projectId, String username, TokenRights rights) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("A username is needed to set API rights");
        }
        boolean unfinished = rightsWrites.ask(environment, projectId, username);
        if (RightsReplay.mustWrite(unfinished, () -> findProjectUser(environment, projectId, username)
                .map(RedcapProjectUser::apiRights), rights)) {
            api.setApiRights(environment, projectId, username, rights);
        }
    }

    @Override
    public List<RedcapLogRow> logSince(RedcapEnvironment environment, long projectId, LocalDateTime beginTime) {
        return api.logSince(environment, projectId, beginTime);
    }

    private boolean inDatabaseMode(RedcapEnvironment environment) {
        return properties.server(environment).tokenAdministration() == TokenAdministrationMode.DATABASE;
    }
}
