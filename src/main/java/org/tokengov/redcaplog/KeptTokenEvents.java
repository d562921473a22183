package org.tokengov.redcaplog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tokengov.redcap.RedcapEnvironment;

/**
 * {@link RedcapTokenEvents} on {@code redcap_token_event}: what the log reader kept, each row of REDCap's log once
 * (its de-dup key names the row: table and id, or the API log's minute, digest and occurrence).
 */
@Repository
class KeptTokenEvents implements RedcapTokenEvents {

    private static final String COLUMNS = "id, environment, project_id, username, actor, kind, occurred_at";

    private final JdbcClient jdbc;

    KeptTokenEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the event unless its row was kept before; true if it is new. */
    boolean keep(RedcapEnvironment environment, long projectId, String username, String actor, TokenEventKind kind,
            Instant at, String dedupKey) {
        boolean known = jdbc.sql("select count(*) from redcap_token_event where environment = ? and dedup_key = ?")
                .params(environment.name(), dedupKey).query(Long.class).single() > 0;
        if (known) {
            return false;
        }
        jdbc.sql("insert into redcap_token_event (environment, project_id, username, actor, kind, occurred_at, dedup_key)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(environment.name(), projectId, username, actor, kind.name(), Timestamp.from(at), dedupKey)
                .update();
        return true;
    }

    @Override
    public List<TokenEventInRedcap> after(RedcapEnvironment environment, long afterId) {
        return jdbc.sql("select " + COLUMNS + " from redcap_token_event where environment = ? and id > ? order by id")
                .params(environment.name(), afterId).query(KeptTokenEvents::event).list();
    }

    @Override
    public List<TokenEventInRedcap> about(RedcapEnvironment environment, long projectId, String username, long afterId) {
        return jdbc.sql("select " + COLUMNS + " from redcap_token_event where environment = ? and project_id = ?"
                        + " and (username is null or lower(username) = lower(?)) and id > ? order by id")
                .params(environment.name(), projectId, username, afterId).query(KeptTokenEvents::event).list();
    }

    private static TokenEventInRedcap event(ResultSet rs, int row) throws SQLException {
        return new TokenEventInRedcap(rs.getLong(1), RedcapEnvironment.valueOf(rs.getString(2)), rs.getLong(3),
                rs.getString(4), rs.getString(5), TokenEventKind.valueOf(rs.getString(6)), rs.getTimestamp(7).toInstant());
    }
}
