package org.tokengov.fairuse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.identity.SystemAuthority;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.usage.Certainty;
import org.tokengov.usage.FairUseFindings;
import org.tokengov.usage.FairUseRule;
import org.tokengov.usage.Finding;

/**
 * Misuse cases (table {@code fair_use_case}): a new confirmed finding opens one for its token and rule, or joins the
 * one open. Whether a case goes to the holder first or straight to the administrators is decided here, when it
 * opens, from the app's records alone: the finding as recorded (severe or not) and the token's earlier cases (a repeat).
 */
@Service
public class FairUseCases {

    private static final String COLUMNS = "id, token_id, rule, holder, environment, project_id, state, opened_at,"
            + " deadline, closed_at, decided_by, admins_first, decision, finding_id, fix_described, comments";

    private final JdbcTemplate jdbc;
    /** The same connection, for the reads that take a list of ids. */
    private final JdbcClient named;
    private final TransactionTemplate savepoint;
    private final FairUseFindings findings;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final AuditTrail auditTrail;
    private final FairUseProperties properties;
    private final Clock clock;

    FairUseCases(JdbcTemplate jdbc, PlatformTransactionManager transactions, FairUseFindings findings,
            RuntimeService runtime, IdentityService identity, AuditTrail auditTrail, FairUseProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.named = JdbcClient.create(jdbc);
        // A case opened meanwhile by another transaction rolls back to a savepoint, not the caller's transaction.
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.findings = findings;
        this.runtime = runtime;
        this.identity = identity;
        this.auditTrail = auditTrail;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Opens a case for the finding's token and rule and starts its FairUseCaseProcess, or links the finding to the
     * case open for them (and starts nothing). Only for a confirmed finding: a suspected one is for administrators'
     * eyes and opens nothing. A finding already linked to a case is left as it is (a retried monitor step).
     */
    @Transactional
    public void open(Finding finding) {
        Finding recorded = findings.find(finding.id())
                .orElseThrow(() -> new IllegalArgumentException("No finding " + finding.id() + " is recorded"));
        if (recorded.certainty() != Certainty.CONFIRMED) {
            throw new IllegalArgumentException("Finding " + recorded.id() + " is only suspected: it opens no case");
        }
        if (recorded.caseId() != null) {
            return;
        }
        Optional<FairUseCase> open = openCase(recorded.tokenId(), recorded.rule());
        if (open.isPresent()) {
            join(open.get(), recorded);
            return;
        }
        Instant now = clock.instant();
        Optional<FairUseCase> repeated = recorded.severe() ? Optional.empty() : repeatedCase(recorded, now);
        boolean adminsFirst = recorded.severe() || repeated.isPresent();
        FairUseCase opened = new FairUseCase(UUID.randomUUID().toString(), recorded.tokenId(), recorded.rule(),
                recorded.holder(), recorded.environment(), recorded.projectId(),
                adminsFirst ? FairUseCaseState.WITH_ADMINS : FairUseCaseState.OPEN, now,
                now.plus(properties.fixDeadline()), null, null, adminsFirst, null, recorded.id(), null, null);
        try {
            savepoint.executeWithoutResult(status -> insert(opened));
        } catch (DuplicateKeyException openedMeanwhile) {
            join(openCase(recorded.tokenId(), recorded.rule()).orElseThrow(() -> openedMeanwhile), recorded);
            return;
        }
        findings.linkCase(recorded.id(), opened.id());
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.FAIR_USE_CASE_OPENED, null, opened.tokenId(),
                opened.rule() + " case " + opened.id() + " (finding " + recorded.id() + "): "
                        + (recorded.severe() ? "severe, to the administrators"
                        : repeated.map(earlier -> "repeats case " + earlier.id() + ", to the administrators")
                                .orElse("the holder confirms a fix by " + opened.deadline())));
        SystemAuthority.run(identity, () -> runtime.startProcessInstanceByKey(FairUseCaseVariables.PROCESS, opened.id()));
    }

    /** The cases open now, soonest deadline first, at most {@code limit}: everyone's ({@code holder} null) or one person's. */
    public List<FairUseCase> openCases(String holder, int limit) {
        String open = "select " + COLUMNS + " from fair_use_case where open_key is not null";
        return holder == null
                ? jdbc.query(open + " order by deadline, id limit ?", FairUseCases::fairUseCase, limit)
                : jdbc.query(open + " and holder = ? order by deadline, id limit ?", FairUseCases::fairUseCase, holder, limit);
    }

    /** Which of these cases are closed: their findings are settled. Unknown ids (a case being opened) are not. */
    public Set<String> closedAmong(Collection<String> caseIds) {
        if (caseIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(named.sql("select id from fair_use_case where open_key is null and id in (:ids)")
                .param("ids", caseIds).query(String.class).list());
    }

    /**
     * How many confirmed findings found at {@code since} or later each of these tokens has whose case is not closed
     * (none, or not yet written: open), in one query; tokens without any are absent.
     */
    public Map<String, Long> openConfirmedFindingsOf(Collection<String> tokenIds, Instant since) {
        Map<String, Long> counts = new HashMap<>();
        if (tokenIds.isEmpty()) {
            return counts;
        }
        named.sql("select f.token_id, count(*) from fair_use_finding f left join fair_use_case c on c.id = f.case_id"
                        + " where f.token_id in (:ids) and f.found_at >= :since and f.certainty = 'CONFIRMED'"
                        + " and (c.id is null or c.open_key is not null) group by f.token_id")
                .param("ids", tokenIds).param("since", Timestamp.from(since))
                .query((RowCallbackHandler) row -> counts.put(row.getString(1), row.getLong(2)));
        return counts;
    }

    /** Every case of the token, newest first. */
    public List<FairUseCase> ofToken(String tokenId) {
        return jdbc.query("select " + COLUMNS + " from fair_use_case where token_id = ? order by opened_at desc, id",
                FairUseCases::fairUseCase, tokenId);
    }

    public Optional<FairUseCase> find(String caseId) {
        return jdbc.query("select " + COLUMNS + " from fair_use_case where id = ?", FairUseCases::fairUseCase, caseId)
                .stream().findFirst();
    }

    FairUseCase get(String caseId) {
        return find(caseId).orElseThrow(() -> new IllegalStateException("No fair-use case " + caseId));
    }

    /** The findings of the case, newest first: the one that opened it and those that joined it. */
    List<Finding> findingsOf(FairUseCase fairUseCase) {
        Finding first = findings.find(fairUseCase.findingId()).orElseThrow();
        List<Finding> joined = findings.ofToken(fairUseCase.tokenId(), first.foundAt()).stream()
                .filter(finding -> fairUseCase.id().equals(finding.caseId()) || finding.id().equals(first.id()))
                .sorted(Comparator.comparing(Finding::foundAt).reversed()).toList();
        return joined.isEmpty() ? List.of(first) : joined;
    }

    /** The token's cases of the same rule that closed before this one opened, newest first. */
    List<FairUseCase> earlierCases(FairUseCase fairUseCase) {
        return jdbc.query("select " + COLUMNS + " from fair_use_case where token_id = ? and rule = ? and id <> ?"
                        + " and closed_at is not null and closed_at <= ? order by closed_at desc, id",
                FairUseCases::fairUseCase, fairUseCase.tokenId(), fairUseCase.rule().name(), fairUseCase.id(),
                Timestamp.from(fairUseCase.openedAt()));
    }

    /** The holder confirmed a fix: the case closes as FIXED. */
    void confirmFix(String caseId, String holder, String whatChanged) {
        int updated = jdbc.update("update fair_use_case set state = ?, open_key = null, closed_at = ?, decided_by = ?,"
                        + " fix_described = ? where id = ? and state = ?", FairUseCaseState.FIXED.name(),
                Timestamp.from(clock.instant()), holder, whatChanged, caseId, FairUseCaseState.OPEN.name());
        requireOne(updated, caseId, "waiting for the holder's fix");
        auditTrail.record(holder, AuditAction.FAIR_USE_FIX_CONFIRMED, null, get(caseId).tokenId(),
                "case " + caseId + ": " + whatChanged);
    }

    /** No fix confirmed by the deadline: the administrators decide. */
    void handToAdmins(String caseId) {
        int updated = jdbc.update("update fair_use_case set state = ? where id = ? and state = ?",
                FairUseCaseState.WITH_ADMINS.name(), caseId, FairUseCaseState.OPEN.name());
        requireOne(updated, caseId, "waiting for the holder's fix");
        FairUseCase handed = get(caseId);
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.FAIR_USE_CASE_TO_ADMINS, null, handed.tokenId(),
                "case " + caseId + ": no fix confirmed by " + handed.deadline());
    }

    /** An administrator's decision; a dismissal closes the case at once, a warning or suspension once carried out. */
    void decide(String caseId, FairUseDecision decision, String admin, String comments) {
        boolean dismissed = decision == FairUseDecision.DISMISS;
        int updated = jdbc.update("update fair_use_case set decision = ?, decided_by = ?, comments = ?, state = ?,"
                        + " open_key = " + (dismissed ? "null" : "open_key") + ", closed_at = ? where id = ? and state = ?"
                        + " and decision is null", decision.name(), admin, comments,
                (dismissed ? FairUseCaseState.DISMISSED : FairUseCaseState.WITH_ADMINS).name(),
                dismissed ? Timestamp.from(clock.instant()) : null, caseId, FairUseCaseState.WITH_ADMINS.name());
        requireOne(updated, caseId, "waiting for the administrators' decision");
        auditTrail.record(admin, AuditAction.FAIR_USE_CASE_DECIDED, null, get(caseId).tokenId(),
                "case " + caseId + ": " + decision + (comments == null ? "" : ": " + comments));
    }

    /** The decided warning or suspension was carried out: the case closes. */
    void close(String caseId, FairUseCaseState outcome, String details) {
        int updated = jdbc.update("update fair_use_case set state = ?, open_key = null, closed_at = ? where id = ?"
                + " and state = ?", outcome.name(), Timestamp.from(clock.instant()), caseId,
                FairUseCaseState.WITH_ADMINS.name());
        requireOne(updated, caseId, "decided and not closed");
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.FAIR_USE_CASE_CLOSED, null, get(caseId).tokenId(),
                "case " + caseId + ": " + outcome + ", " + details);
    }

    private Optional<FairUseCase> openCase(String tokenId, FairUseRule rule) {
        return jdbc.query("select " + COLUMNS + " from fair_use_case where open_key = ?", FairUseCases::fairUseCase,
                openKey(tokenId, rule)).stream().findFirst();
    }

    /**
     * The latest case of the token and rule that closed within the repeat window, if any. A dismissed case does not
     * count: the administrators found no misuse in it, so there is nothing to repeat.
     */
    private Optional<FairUseCase> repeatedCase(Finding finding, Instant now) {
        return jdbc.query("select " + COLUMNS + " from fair_use_case where token_id = ? and rule = ?"
                        + " and closed_at >= ? and state <> ? order by closed_at desc, id",
                FairUseCases::fairUseCase, finding.tokenId(), finding.rule().name(),
                Timestamp.from(now.minus(properties.repeatWindow())), FairUseCaseState.DISMISSED.name())
                .stream().findFirst();
    }

    private void join(FairUseCase open, Finding finding) {
        findings.linkCase(finding.id(), open.id());
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.FAIR_USE_FINDING_JOINED, null, open.tokenId(),
                "finding " + finding.id() + " joined the open " + open.rule() + " case " + open.id());
    }

    private void insert(FairUseCase opened) {
        jdbc.update("insert into fair_use_case (id, token_id, rule, holder, environment, project_id, finding_id,"
                        + " admins_first, opened_at, deadline, state, open_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                opened.id(), opened.tokenId(), opened.rule().name(), opened.holder(), opened.environment().name(),
                opened.projectId(), opened.findingId(), opened.adminsFirst(), Timestamp.from(opened.openedAt()),
                Timestamp.from(opened.deadline()), opened.state().name(), openKey(opened.tokenId(), opened.rule()));
    }

    private static String openKey(String tokenId, FairUseRule rule) {
        return tokenId + ":" + rule.name();
    }

    private static void requireOne(int updated, String caseId, String expected) {
        if (updated != 1) {
            throw new IllegalStateException("Fair-use case " + caseId + " is not " + expected);
        }
    }

    private static FairUseCase fairUseCase(ResultSet rs, int row) throws SQLException {
        Timestamp closedAt = rs.getTimestamp(10);
        String decision = rs.getString(13);
        return new FairUseCase(rs.getString(1), rs.getString(2), FairUseRule.valueOf(rs.getString(3)), rs.getString(4),
                RedcapEnvironment.valueOf(rs.getString(5)), rs.getLong(6), FairUseCaseState.valueOf(rs.getString(7)),
                rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant(),
                closedAt == null ? null : closedAt.toInstant(), rs.getString(11), rs.getBoolean(12),
                decision == null ? null : FairUseDecision.valueOf(decision), rs.getString(14), rs.getString(15),
                rs.getString(16));
    }
}
