package org.tokengov.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** People permanently barred from API tokens. */
@Service
public class HolderBans {

    public record Ban(String username, Instant bannedAt, String reason) {
    }

    private final JdbcClient jdbc;

    HolderBans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Bars the person from API tokens for good; banning twice keeps the first ban. */
    public void ban(String username, String reason, Instant at) {
        if (find(username).isEmpty()) {
            jdbc.sql("insert into holder_ban (username, banned_at, reason) values (?, ?, ?)")
                    .params(username, Timestamp.from(at), reason)
                    .update();
        }
    }

    public Optional<Ban> find(String username) {
        return jdbc.sql("select username, banned_at, reason from holder_ban where username = ?")
                .param(username)
                .query((rs, row) -> new Ban(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .optional();
    }
}
