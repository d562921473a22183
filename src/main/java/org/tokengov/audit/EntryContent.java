package org.tokengov.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * What an audit entry says, as stored: {@code occurredAt} is the column's own date-time (no zone), so the canonical
 * form does not depend on the JVM's time zone. {@code uid} is null for legacy entries (written before the MAC).
 */
record EntryContent(String uid, LocalDateTime occurredAt, String actor, String action, String requestId, String tokenId,
        String details) {

    /** Microseconds: what both PostgreSQL and H2 keep of a timestamp. */
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");

    /** Reads {@code entry_uid, occurred_at, actor, action, request_id, token_id, details} from {@code first} on. */
    static EntryContent read(ResultSet rs, int first) throws SQLException {
        return new EntryContent(rs.getString(first), rs.getObject(first + 1, LocalDateTime.class), rs.getString(first + 2),
                rs.getString(first + 3), rs.getString(first + 4), rs.getString(first + 5), rs.getString(first + 6));
    }

    /** Every field length-prefixed (null apart from empty), so no two contents share a canonical form. */
    byte[] canonical() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            field(out, "tokengov-audit-entry-v1");
            field(out, uid);
            field(out, occurredAt == null ? null : MICROS.format(occurredAt));
            field(out, actor);
            field(out, action);
            field(out, requestId);
            field(out, tokenId);
            field(out, details);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void field(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
