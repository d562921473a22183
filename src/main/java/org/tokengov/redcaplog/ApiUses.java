package org.tokengov.redcaplog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;

/**
 * Each user's last API call per project ({@code redcap_api_use}), whether or not they hold a registered token, and
 * the registry's {@code lastUsedAt} of their live token there. REDCap logs calls per user and project, not per token
 * value, so a call before the token's issue still counts here; the inactivity rule starts at the issue then.
 */
@Repository
class ApiUses {

    private final JdbcClient jdbc;
    private final TokenRegistry registry;

    ApiUses(JdbcClient jdbc, TokenRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    /** @param lastCalls the newest call of each user in what was just read */
    void record(RedcapEnvironment environment, long projectId, Map<String, Instant> lastCalls) {
        lastCalls.forEach((username, at) -> {
            Optional<Instant> known = jdbc.sql("select last_call_at from redcap_api_use"
                            + " where environment = ? and project_id = ? and username = ?")
                    .params(environment.name(), projectId, username).query(Timestamp.class).optional()
                    .map(Timestamp::toInstant);
            if (known.isEmpty()) {
                jdbc.sql("insert into redcap_api_use (environment, project_id, username, last_call_at) values (?, ?, ?, ?)")
                        .params(environment.name(), projectId, username, Timestamp.from(at)).update();
            } else if (at.isAfter(known.get())) {
                jdbc.sql("update redcap_api_use set last_call_at = ? where environment = ? and project_id = ? and username = ?")
                        .params(Timestamp.from(at), environment.name(), projectId, username).update();
            }
            registry.ofUserOn(environment, projectId, username).stream().filter(token -> token.state().isLive())
                    .filter(token -> token.lastUsedAt() == null || at.isAfter(token.lastUsedAt()))
                    .map(IssuedToken::id)
                    .forEach(tokenId -> registry.recordLastUse(tokenId, at));
        });
    }
}
