package org.tokengov.offboarding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.identity.SystemAuthority;

/**
 * The mass-termination guard: counts every termination that becomes due in the database all replicas share, and once
 * more than the threshold fall within the window, holds each further one in a wave that a {@code redcap-admins}
 * member confirms or rejects ({@code TerminationWaveProcess}). The gateways of OffboardingProcess ask this bean, which
 * reads the app's tables, never a process variable.
 */
@Service("massTerminationGuard")
public class MassTerminationGuard {

    /** Where a wave stands. */
    enum WaveState { OPEN, CONFIRMED, REJECTED }

    /** A wave, as the decision task shows it. */
    record Wave(String id, Instant openedAt, WaveState state, List<String> members) {
    }

    private final JdbcClient jdbc;
    private final MassTerminationProperties properties;
    private final OffboardingEvents events;
    private final AuditTrail auditTrail;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final Clock clock;

    MassTerminationGuard(JdbcClient jdbc, MassTerminationProperties properties, OffboardingEvents events,
            AuditTrail auditTrail, RuntimeService runtime, IdentityService identity, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.events = events;
        this.auditTrail = auditTrail;
        this.runtime = runtime;
        this.identity = identity;
        this.clock = clock;
    }

    /**
     * Counts a due termination and, above the threshold or while a wave is open, makes it a member of the wave (opening
     * one if needed). Serialised across replicas by a row lock; safe to repeat.
     */
    @Transactional
    void count(OffboardingEvent event) {
        if (!properties.enabled() || !OffboardingEvent.TERMINATED.equals(event.type())) {
            return;
        }
        jdbc.sql("select id from termination_guard_lock where id = 1 for update").query(Integer.class).single();
        if (waveOf(event.id()).isPresent()) {
            return;
        }
        Instant now = clock.instant();
        if (jdbc.sql("select count(*) from termination_count where event_id = ?").param(event.id()).query(Long.class)
                .single() == 0) {
            jdbc.sql("insert into termination_count (event_id, counted_at) values (?, ?)")
                    .params(event.id(), Timestamp.from(now)).update();
        }
        Optional<String> open = jdbc.sql("select id from termination_wave where state = ? order by opened_at")
                .param(WaveState.OPEN.name()).query(String.class).list().stream().findFirst();
        String wave;
        if (open.isPresent()) {
            wave = open.get();
        } else {
            TerminationWindow rule = new TerminationWindow(properties.threshold(), properties.window());
            Optional<Instant> lastDecision = jdbc.sql("""
                    select decided_at from termination_wave where decided_at is not null order by decided_at desc""")
                    .query(Timestamp.class).list().stream().findFirst().map(Timestamp::toInstant);
            long counted = jdbc.sql("select count(*) from termination_count where counted_at >= ?")
                    .param(Timestamp.from(rule.countsFrom(now, lastDecision))).query(Long.class).single();
            if (!rule.isWave(counted)) {
                return;
            }
            wave = open(counted, now);
        }
        jdbc.sql("insert into termination_wave_member (event_id, wave_id, joined_at) values (?, ?, ?)")
                .params(event.id(), wave, Timestamp.from(now)).update();
        events.mark(event.id(), OffboardingOutcome.HELD_FOR_WAVE, "held in termination wave " + wave
                + ": REDCap refuses the tokens; deleting them waits for a redcap-admins decision");
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.TERMINATION_HELD_FOR_WAVE, null, null,
                event.username() + " (event " + event.id() + ") held in termination wave " + wave);
    }

    private String open(long counted, Instant now) {
        String wave = UUID.randomUUID().toString();
        jdbc.sql("insert into termination_wave (id, opened_at, state) values (?, ?, ?)")
                .params(wave, Timestamp.from(now), WaveState.OPEN.name()).update();
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.TERMINATION_WAVE_OPENED, null, null,
                "termination wave " + wave + ": " + counted + " terminations within " + properties.window()
                        + " (threshold " + properties.threshold() + "); further ones wait for a redcap-admins decision");
        SystemAuthority.run(identity, () -> runtime.startProcessInstanceByKey(TerminationWaveVariables.PROCESS, wave));
        return wave;
    }

    /** Gateway of OffboardingProcess: whether the event is held in a wave. */
    public boolean holds(String eventId) {
        return waveOf(eventId).isPresent();
    }

    /**
     * Gateway of OffboardingProcess, just before the held departure waits for the decision's message: locks the wave's
     * row, so a decision is either seen here or made after this instance waits (and its release finds it waiting).
     */
    public boolean awaitsDecision(String eventId) {
        String wave = waveOf(eventId).orElseThrow(() -> new IllegalStateException("Event " + eventId + " is in no wave"));
        return WaveState.OPEN.name().equals(jdbc.sql("select state from termination_wave where id = ? for update")
                .param(wave).query(String.class).single());
    }

    /** Gateway of OffboardingProcess: the event's wave was confirmed. */
    public boolean confirmed(String eventId) {
        return stateOf(eventId) == WaveState.CONFIRMED;
    }

    /** Gateway of OffboardingProcess: the event's wave was rejected. */
    public boolean rejected(String eventId) {
        return stateOf(eventId) == WaveState.REJECTED;
    }

    private WaveState stateOf(String eventId) {
        return waveOf(eventId).map(this::wave).map(Wave::state).orElse(WaveState.OPEN);
    }

    Optional<String> waveOf(String eventId) {
        return jdbc.sql("select wave_id from termination_wave_member where event_id = ?").param(eventId)
                .query(String.class).optional();
    }

    Wave wave(String waveId) {
        List<String> members = jdbc.sql("""
                select e.username from termination_wave_member m join offboarding_event e on e.id = m.event_id
                where m.wave_id = ? order by m.joined_at, e.username""").param(waveId).query(String.class).list();
        return jdbc.sql("select id, opened_at, state from termination_wave where id = ?").param(waveId)
                .query((rs, row) -> new Wave(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        WaveState.valueOf(rs.getString(3)), members))
                .optional().orElseThrow(() -> new IllegalStateException("No termination wave " + waveId));
    }

    /** The held departures of a wave (their event ids, which are their processes' business keys). */
    List<String> members(String waveId) {
        return jdbc.sql("select event_id from termination_wave_member where wave_id = ? order by joined_at, event_id")
                .param(waveId).query(String.class).list();
    }

    /** Records the decision once; {@code by} is the authenticated administrator, or the system at the deadline. */
    @Transactional
    void decide(String waveId, boolean confirm, String by, String comments) {
        int changed = jdbc.sql("""
                update termination_wave set state = ?, decided_by = ?, decided_at = ?, comments = ?
                where id = ? and state = ?""")
                .params((confirm ? WaveState.CONFIRMED : WaveState.REJECTED).name(), by, Timestamp.from(clock.instant()),
                        comments, waveId, WaveState.OPEN.name())
                .update();
        if (changed == 0) {
            throw new IllegalStateException("Termination wave " + waveId + " is decided already");
        }
        auditTrail.record(by, confirm ? AuditAction.TERMINATION_WAVE_CONFIRMED : AuditAction.TERMINATION_WAVE_REJECTED,
                null, null, "termination wave " + waveId + " (" + members(waveId).size() + " held departures)"
                        + (comments == null ? "" : ": " + comments));
    }

    /** Marks when REDCap was made to refuse the member's tokens. */
    void refused(String eventId) {
        jdbc.sql("update termination_wave_member set refused_at = ? where event_id = ? and refused_at is null")
                .params(Timestamp.from(clock.instant()), eventId).update();
    }

    /** Wakes every held departure of a decided wave that waits for it; the ones not yet waiting see the decision. */
    void release(String waveId) {
        for (String eventId : members(waveId)) {
            runtime.createMessageCorrelation(OffboardingVariables.WAVE_DECIDED).processInstanceBusinessKey(eventId)
                    .correlateAll();
        }
    }
}
