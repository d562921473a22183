package org.tokengov.requestbutton;

import static org.tokengov.requestbutton.RequestButtonVariables.*;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.clusterlock.ClusterOnce;
import org.tokengov.identity.SystemAuthority;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapException;
import org.tokengov.redcap.RedcapProperties;
import org.tokengov.redcap.RedcapTodoList;
import org.tokengov.redcap.TokenAccessRequest;

/**
 * Reads the pending {@code token access} rows of every REDCap server whose database this system reaches (database
 * mode; REDCap's API cannot read the to-do list) and takes each row of an enrolled project in once: its
 * {@code RequestButtonProcess} starts in the same transaction as the row is recorded as taken, so two replicas polling
 * at once, or a poll repeated, never make a second task. Rows of projects this system does not govern are left to
 * REDCap's administrators. Absent when {@code tokengov.request-button.enabled} is false: then nothing is read.
 */
@Component
@ConditionalOnProperty(prefix = "tokengov.request-button", name = "enabled", havingValue = "true", matchIfMissing = true)
public class RequestButtonPoll {

    private static final Logger log = LoggerFactory.getLogger(RequestButtonPoll.class);
    static final String LEASE = "request-button-poll";
    /** Longer than reading every server's to-do list and starting its processes takes. */
    static final Duration POLL_LEASE = Duration.ofMinutes(10);

    private final RedcapProperties redcap;
    private final RedcapTodoList todoList;
    private final TakenRows rows;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final AuditTrail auditTrail;
    private final TransactionTemplate ownTransaction;
    private final ClusterOnce clusterOnce;

    RequestButtonPoll(RedcapProperties redcap, RedcapTodoList todoList, TakenRows rows, RuntimeService runtime,
            IdentityService identity, AuditTrail auditTrail, PlatformTransactionManager transactions,
            ClusterOnce clusterOnce) {
        this.redcap = redcap;
        this.todoList = todoList;
        this.rows = rows;
        this.runtime = runtime;
        this.identity = identity;
        this.auditTrail = auditTrail;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clusterOnce = clusterOnce;
    }

    /**
     * One poll of every readable server, unless another replica polls now (then this round is skipped); returns how
     * many rows it took in.
     */
    @Scheduled(fixedDelayString = "${tokengov.request-button.cycle:PT5M}",
            initialDelayString = "${tokengov.request-button.cycle:PT5M}")
    public int poll() {
        return clusterOnce.call(LEASE, POLL_LEASE, this::pollEveryServer).orElse(0);
    }

    private int pollEveryServer() {
        int taken = 0;
        for (RedcapEnvironment environment : redcap.environments().keySet()) {
            if (!todoList.readable(environment)) {
                continue;
            }
            List<TokenAccessRequest> pending;
            try {
                pending = todoList.pendingTokenRequests(environment);
            } catch (RedcapException e) {
                // REDCap's database being down loses nothing: the rows stay pending until the next poll.
                log.warn("Could not read REDCap {}'s to-do list: {}", environment, e.getMessage());
                continue;
            }
            for (TokenAccessRequest row : pending) {
                if (redcap.server(environment).isEnrolled(row.projectId()) && takeIn(row)) {
                    taken++;
                }
            }
        }
        return taken;
    }

    private boolean takeIn(TokenAccessRequest row) {
        if (rows.taken(row.environment(), row.requestId())) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(ownTransaction.execute(status -> {
                ProcessInstance process = SystemAuthority.call(identity, () -> runtime.startProcessInstanceByKey(PROCESS,
                        businessKey(row.environment().name(), row.requestId()), Variables.createVariables()
                                .putValue(ENVIRONMENT, row.environment().name())
                                .putValue(PROJECT_ID, row.projectId())
                                .putValue(TODO_REQUEST_ID, row.requestId())
                                .putValueTyped(REQUESTER, Variables.stringValue(row.username()))));
                rows.take(row, process.getId());
                auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.REQUEST_BUTTON_TAKEN, null, null,
                        row.environment() + " to-do " + row.requestId() + ": " + (row.username() == null
                                ? "a user REDCap no longer knows" : row.username()) + " asked for an API token on project "
                                + row.projectId());
                return true;
            }));
        } catch (DuplicateKeyException takenMeanwhile) {
            return false;
        } catch (RuntimeException e) {
            // Nothing of the row was kept: it is tried again at the next poll.
            log.warn("Could not take in REDCap {}'s to-do {}: {}", row.environment(), row.requestId(), e.getMessage());
            return false;
        }
    }
}
