package org.tokengov.registry;

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

    public Optional<Ban> find(String username) {
        return jdbc.sql("select username, banned_at, reason from holder_ban where username = ?")
                .param(username)
                .query((rs, row) -> new Ban(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .optional();
    }
}
