package org.tokengov.offboarding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.identity.SystemAuthority;

/**
 * The log of offboarding events (HR webhook, SCIM, identity store, an administrator's form, a PI's report). Each
 * event is stored once and handed to {@value OffboardingVariables#PROCESS} with the event id as business key; the
 * process decides, by effective date, whether and when it applies.
 */
@Service
public class OffboardingEvents {

    private final JdbcClient jdbc;
    private final AuditTrail auditTrail;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final Clock clock;

    OffboardingEvents(JdbcClient jdbc, AuditTrail auditTrail, RuntimeService runtime, IdentityService identity, Clock clock) {
        this.jdbc = jdbc;
        this.auditTrail = auditTrail;
        this.runtime = runtime;
        this.identity = identity;
        this.clock = clock;
    }

    /** A departure effective now (the identity store reports an account disabled or deleted). */
    @Transactional
    public String record(String username, String source, String reason) {
        return record(username, source, reason, OffboardingEvent.TERMINATED, null, null);
    }

    /**
     * Stores the event and starts its process. {@code eventType} is one of {@link OffboardingEvent#TYPES};
     * {@code projectId} names the project for {@link OffboardingEvent#LEFT_PROJECT}; {@code effectiveAt} null means now.
     */
    @Transactional
    public String record(String username, String source, String reason, String eventType, Long projectId, Instant effectiveAt) {
        String id = insert(username, source, reason, eventType, projectId, effectiveAt);
        SystemAuthority.run(identity, () -> runtime.startProcessInstanceByKey(OffboardingVariables.PROCESS, id,
                Variables.createVariables()
                        .putValue(OffboardingVariables.EVENT_ID, id)
                        .putValue(OffboardingVariables.USERNAME, username)
                        .putValue(OffboardingVariables.SOURCE, source)));
        return id;
    }

    /** Stores an event whose process is already running (an administrator started it from Tasklist). */
    @Transactional
    String insert(String username, String source, String reason, String eventType, Long projectId, Instant effectiveAt) {
        if (!OffboardingEvent.TYPES.contains(eventType)) {
            throw new IllegalArgumentException("Unknown offboarding event type " + eventType);
        }
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into offboarding_event (id, username, source, reason, received_at, event_type, project_id,
                    effective_at, outcome)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, username, source, reason, Timestamp.from(now), eventType, projectId,
                        Timestamp.from(effectiveAt == null ? now : effectiveAt), OffboardingOutcome.RECEIVED.name())
                .update();
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.OFFBOARDING_TRIGGERED, null, null,
                username + " (" + source + ", " + eventType + (projectId == null ? "" : " project " + projectId)
                        + ", effective " + (effectiveAt == null ? now : effectiveAt) + "): " + reason
                        + "; offboarding event " + id);
        return id;
    }

    /** The event of a running offboarding, read from a process variable: missing means a broken process. */
    OffboardingEvent get(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException("No offboarding event " + id));
    }

    public Optional<OffboardingEvent> find(String id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(OffboardingEvents::toEvent).optional();
    }

    /**
     * The event, due by now, that makes this one moot, if any: a later-dated termination or rehire of the same person
     * (or, for leaving a project, a later report about the same project). Events follow their effective dates, not
     * the order in which they arrive.
     */
    public Optional<OffboardingEvent> supersedingEvent(OffboardingEvent event) {
        boolean leftProject = OffboardingEvent.LEFT_PROJECT.equals(event.type());
        return jdbc.sql(SELECT + """
                where username = ? and id <> ? and effective_at > ? and effective_at <= ?
                  and (event_type in (?, ?) or (event_type = ? and project_id = ?))
                order by effective_at desc""")
                .params(event.username(), event.id(), Timestamp.from(event.effectiveAt()), Timestamp.from(clock.instant()),
                        OffboardingEvent.TERMINATED, OffboardingEvent.REHIRED,
                        // Only a report about the same project supersedes one about leaving a project.
                        leftProject ? OffboardingEvent.LEFT_PROJECT : "", leftProject ? event.projectId() : -1L)
                .query(OffboardingEvents::toEvent)
                .list().stream().findFirst();
    }

    /**
     * The person's next departure that ends their tokens for the production project, dated after now: a termination,
     * or leaving that project. Empty if none is recorded (an ignored event does not count).
     */
    public Optional<OffboardingEvent> nextDeparture(String username, long productionProjectId) {
        return jdbc.sql(SELECT + """
                where username = ? and effective_at > ? and outcome <> ?
                  and (event_type = ? or (event_type = ? and project_id = ?))
                order by effective_at""")
                .params(username, Timestamp.from(clock.instant()), OffboardingOutcome.IGNORED.name(),
                        OffboardingEvent.TERMINATED, OffboardingEvent.LEFT_PROJECT, productionProjectId)
                .query(OffboardingEvents::toEvent)
                .list().stream().findFirst();
    }

    @Transactional
    void markWaiting(OffboardingEvent event) {
        jdbc.sql("update offboarding_event set outcome = ? where id = ?").params(OffboardingOutcome.WAITING.name(), event.id()).update();
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.OFFBOARDING_WAITING, null, null,
                "offboarding event " + event.id() + " of " + event.username() + " waits until " + event.effectiveAt());
    }

    @Transactional
    public void close(String id, OffboardingOutcome outcome, String details) {
        jdbc.sql("update offboarding_event set outcome = ?, outcome_details = ?, completed_at = ? where id = ?")
                .params(outcome.name(), details, Timestamp.from(clock.instant()), id)
                .update();
    }

    /** Where a running offboarding stands, before it ends. */
    void mark(String id, OffboardingOutcome outcome, String details) {
        jdbc.sql("update offboarding_event set outcome = ?, outcome_details = ? where id = ?")
                .params(outcome.name(), details, id).update();
    }

    /** Whether the person was already reported gone at or after the given moment. */
    public boolean reportedSince(String username, Instant since) {
        return jdbc.sql("select count(*) from offboarding_event where username = ? and received_at >= ? and event_type <> ?")
                .params(username, Timestamp.from(since), OffboardingEvent.REHIRED)
                .query(Long.class)
                .single() > 0;
    }

    private static final String SELECT = """
            select id, username, source, reason, event_type, project_id, received_at, effective_at, outcome,
                   outcome_details, completed_at
            from offboarding_event
            """;

    private static OffboardingEvent toEvent(ResultSet rs, int row) throws SQLException {
        long project = rs.getLong(6);
        boolean allProjects = rs.wasNull();
        Timestamp completed = rs.getTimestamp(11);
        return new OffboardingEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                allProjects ? null : project, rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(),
                OffboardingOutcome.valueOf(rs.getString(9)), rs.getString(10), completed == null ? null : completed.toInstant());
    }
}
