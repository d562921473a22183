package org.tokengov.offboarding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;

/** Records that a person has gone and, once {@value #PROCESS} is deployed, starts it (business key = event id). */
@Service
public class OffboardingEvents {

    static final String PROCESS = "OffboardingProcess";

    private final JdbcClient jdbc;
    private final AuditTrail auditTrail;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final Clock clock;

    OffboardingEvents(JdbcClient jdbc, AuditTrail auditTrail, RepositoryService repository, RuntimeService runtime, Clock clock) {
        this.jdbc = jdbc;
        this.auditTrail = auditTrail;
        this.repository = repository;
        this.runtime = runtime;
        this.clock = clock;
    }

    @Transactional
    public String record(String username, String source, String reason) {
        return record(username, source, reason, null, null, null);
    }

    /** An event with what happened ({@code eventType}), for which project (or all) and from when it is effective. */
    @Transactional
    public String record(String username, String source, String reason, String eventType, Long projectId, Instant effectiveAt) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into offboarding_event (id, username, source, reason, received_at, event_type, project_id, effective_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, username, source, reason, Timestamp.from(now), eventType, projectId,
                        effectiveAt == null ? null : Timestamp.from(effectiveAt))
                .update();
        boolean processDeployed = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() > 0;
        if (processDeployed) {
            runtime.startProcessInstanceByKey(PROCESS, id, Map.of("username", username, "offboardingSource", source));
        }
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.OFFBOARDING_TRIGGERED, null, null,
                username + " (" + source + "): " + reason + "; offboarding event " + id
                        + (processDeployed ? " started " + PROCESS : " recorded; " + PROCESS + " is not deployed yet"));
        return id;
    }

    /** Whether the person was already reported gone at or after the given moment. */
    public boolean reportedSince(String username, Instant since) {
        return jdbc.sql("select count(*) from offboarding_event where username = ? and received_at >= ?")
                .params(username, Timestamp.from(since))
                .query(Long.class)
                .single() > 0;
    }
}
