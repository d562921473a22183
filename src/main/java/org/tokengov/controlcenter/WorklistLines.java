package org.tokengov.controlcenter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;

/** The worklist's waves and lines, in the app's database. */
@Repository
class WorklistLines {

    private static final String LINE = """
            select id, wave_id, token_id, environment, project_id, holder, kind, reason, note, asked_at
            from control_center_line""";

    private final JdbcClient jdbc;
    private final Clock clock;

    WorklistLines(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Locks the environment's worklist until the transaction ends; its open wave, if any. */
    Optional<String> lockOpenWave(RedcapEnvironment environment) {
        return jdbc.sql("select open_wave from control_center_worklist where environment = ? for update")
                .param(environment.name()).query((rs, row) -> Optional.ofNullable(rs.getString(1))).single();
    }

    String openWave(RedcapEnvironment environment) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into control_center_wave (id, environment, opened_at) values (?, ?, ?)")
                .params(id, environment.name(), Timestamp.from(clock.instant())).update();
        jdbc.sql("update control_center_worklist set open_wave = ? where environment = ?").params(id, environment.name())
                .update();
        return id;
    }

    /** The wave ends; a later line opens a new one. */
    void closeWave(RedcapEnvironment environment, String waveId) {
        jdbc.sql("update control_center_wave set closed_at = ? where id = ? and closed_at is null")
                .params(Timestamp.from(clock.instant()), waveId).update();
        jdbc.sql("update control_center_worklist set open_wave = null where environment = ? and open_wave = ?")
                .params(environment.name(), waveId).update();
    }

    Optional<RedcapEnvironment> environmentOf(String waveId) {
        return jdbc.sql("select environment from control_center_wave where id = ?").param(waveId)
                .query((rs, row) -> RedcapEnvironment.valueOf(rs.getString(1))).optional();
    }

    boolean isOpen(String tokenId, WorkKind kind) {
        return jdbc.sql("select count(*) from control_center_line where token_id = ? and kind = ? and done_at is null")
                .params(tokenId, kind.name()).query(Long.class).single() > 0;
    }

    void add(String waveId, IssuedToken token, WorkKind kind, String reason, String note) {
        jdbc.sql("""
                insert into control_center_line (wave_id, token_id, environment, project_id, holder, kind, reason, note,
                    asked_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(waveId, token.id(), token.environment().name(), token.projectId(), token.holder(), kind.name(),
                        reason, note, Timestamp.from(clock.instant()))
                .update();
    }

    List<WorklistLine> openOf(String waveId) {
        return jdbc.sql(LINE + " where wave_id = ? and done_at is null order by id").param(waveId).query(WorklistLines::line)
                .list();
    }

    List<WorklistLine> open(RedcapEnvironment environment) {
        return jdbc.sql(LINE + " where environment = ? and done_at is null order by id").param(environment.name())
                .query(WorklistLines::line).list();
    }

    Optional<WorklistLine> open(long number) {
        return jdbc.sql(LINE + " where id = ? and done_at is null").param(number).query(WorklistLines::line).optional();
    }

    /** The open lines of a closed wave join another. */
    void move(String fromWave, String toWave) {
        jdbc.sql("update control_center_line set wave_id = ? where wave_id = ? and done_at is null").params(toWave, fromWave)
                .update();
    }

    /** Whether a line was ticked off with this event of REDCap's log already: one event confirms one line. */
    boolean eventUsed(RedcapEnvironment environment, long eventId) {
        return jdbc.sql("select count(*) from control_center_line where environment = ? and log_event_id = ?")
                .params(environment.name(), eventId).query(Long.class).single() > 0;
    }

    /** Ticks the line off; false if it was done already (by a concurrent confirmation). */
    boolean markDone(long number, Confirmation confirmation, String by, Long logEventId) {
        return jdbc.sql("""
                update control_center_line set done_at = ?, done_by = ?, confirmation = ?, log_event_id = ?
                where id = ? and done_at is null""")
                .params(Timestamp.from(clock.instant()), by, confirmation.name(), logEventId, number).update() == 1;
    }

    private static WorklistLine line(ResultSet rs, int row) throws SQLException {
        return new WorklistLine(rs.getLong(1), rs.getString(2), rs.getString(3), RedcapEnvironment.valueOf(rs.getString(4)),
                rs.getLong(5), rs.getString(6), WorkKind.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9),
                rs.getTimestamp(10).toInstant());
    }
}
