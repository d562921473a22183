package org.tokengov.inactivity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which inactivity period (by its start) each token's holder was last warned about: one warning per period. */
@Repository
class InactivityWarnings {

    private final JdbcClient jdbc;

    InactivityWarnings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Instant> warnedFor(String tokenId) {
        return jdbc.sql("select inactive_since from inactivity_warning where token_id = ?").param(tokenId)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    void recordWarned(String tokenId, Instant inactiveSince, Instant warnedAt) {
        int updated = jdbc.sql("update inactivity_warning set inactive_since = ?, warned_at = ? where token_id = ?")
                .params(Timestamp.from(inactiveSince), Timestamp.from(warnedAt), tokenId).update();
        if (updated == 0) {
            jdbc.sql("insert into inactivity_warning (token_id, inactive_since, warned_at) values (?, ?, ?)")
                    .params(tokenId, Timestamp.from(inactiveSince), Timestamp.from(warnedAt)).update();
        }
    }
}
