package org.tokengov.registry;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tokengov.redcap.RedcapEnvironment;

/**
 * Counts over the whole registry for monitoring: one grouped query each, never a row per token, because they are
 * read on every metrics scrape.
 */
@Service
public class RegistryCounts {

    private final JdbcClient jdbc;

    RegistryCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many tokens each environment has in each state; every pair is present, zero if there is none. */
    public Map<RedcapEnvironment, Map<TokenState, Long>> tokensByEnvironmentAndState() {
        Map<RedcapEnvironment, Map<TokenState, Long>> counts = new EnumMap<>(RedcapEnvironment.class);
        for (RedcapEnvironment environment : RedcapEnvironment.values()) {
            Map<TokenState, Long> byState = new EnumMap<>(TokenState.class);
            Arrays.stream(TokenState.values()).forEach(state -> byState.put(state, 0L));
            counts.put(environment, byState);
        }
        jdbc.sql("select environment, state, count(*) from api_token group by environment, state")
                .query((RowCallbackHandler) row -> counts.get(RedcapEnvironment.valueOf(row.getString(1)))
                        .put(TokenState.valueOf(row.getString(2)), row.getLong(3)));
        return counts;
    }

    /** Token requests not yet closed: submitted and somewhere between eligibility and production. */
    public long openRequests() {
        return jdbc.sql("select count(*) from token_request where status in (:open)")
                .param("open", Arrays.stream(RequestStatus.values()).filter(status -> !status.isClosed())
                        .map(Enum::name).toList())
                .query(Long.class)
                .single();
    }
}
