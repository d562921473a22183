package org.tokengov.redcaplog;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.redcap.DatabaseRedcapLog;
import org.tokengov.redcap.RateBudget;
import org.tokengov.redcap.RateBudgets;
import org.tokengov.redcap.RedcapApi;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapInventory;
import org.tokengov.redcap.RedcapLogRow;
import org.tokengov.redcap.RedcapProperties;
import org.tokengov.redcap.TokenFingerprint;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.usage.ApiCall;
import org.tokengov.usage.ApiCallCounts;
import org.tokengov.usage.UsageKind;

/**
 * The one reader of REDCap's log. Each catch-up reads, for every enrolled project of an environment, only what it
 * has not read before, and keeps what matters: token events ({@link RedcapTokenEvents}), each user's last API call
 * (on their live registered token too), and leaks (a live token's value in the log: {@link TokenValueInRedcapLog}).
 * <ul>
 *   <li>Database mode: the project's log table after the last {@code log_event_id} read, in batches of
 *       {@code tokengov.redcap-log.batch-size}; and the rows without a project (super tokens, failed requests) with a
 *       cursor of their own (project 0); then the enrolled projects' API requests in REDCap's request log
 *       ({@code redcap_log_view}, one cursor per environment), counting only the calls no log_event row tells
 *       ({@link SilentApiCalls}).</li>
 *   <li>API mode: {@code content=log} from the cursor's begin minute, with the de-duplication rule of
 *       {@link ApiLogWindow}; the first read takes the project's whole log, once. Every call takes a permit of the
 *       server's rate budget. Projects without a steward token cannot be read this way and are left out. The reader
 *       asks without {@code logtype}; the request log comes only with {@code logtype=page_view}, one more call per
 *       project and read, not spent, so calls no log_event row tells are not seen in this mode.</li>
 * </ul>
 * A batch and the cursor's advance are one transaction, holding the project's cursor row locked: two catch-ups never
 * keep a row twice. Each batch commits on its own, whatever the caller's transaction: what was read stays read when
 * the caller fails later, and a catch-up that fails half-way (REDCap down, the rate budget spent) keeps what it
 * finished, so its retry goes on from there. REDCap's times are converted from its server's zone
 * ({@code tokengov.redcap.environments.<env>.time-zone}). Rows arrive scrubbed of token values, with their
 * fingerprints; no value is ever kept or logged.
 */
@Service
public class RedcapLogReader {

    private static final Logger log = LoggerFactory.getLogger(RedcapLogReader.class);

    /** Where the API mode's first read begins: before any REDCap project, i.e. the project's whole log. */
    static final LocalDateTime WHOLE_LOG = LocalDateTime.of(2000, 1, 1, 0, 0);

    private final RedcapProperties servers;
    private final DatabaseRedcapLog database;
    private final RedcapApi api;
    private final LogCursors cursors;
    private final KeptTokenEvents events;
    private final ApiUses uses;
    private final ApiCallCounts callCounts;
    private final LogLeaks leaks;
    private final TokenRegistry registry;
    private final RedcapInventory inventory;
    private final AuditTrail auditTrail;
    private final ApplicationEventPublisher publisher;
    private final RedcapLogProperties properties;
    private final TransactionTemplate transaction;
    private final RateBudgets budgets;
    /** Real time, as REDCap's own clock runs: tests move the engine's clock, never REDCap's log. */
    private final Clock clock = Clock.systemUTC();

    RedcapLogReader(RedcapProperties servers, DatabaseRedcapLog database, RedcapApi api, LogCursors cursors,
            KeptTokenEvents events, ApiUses uses, ApiCallCounts callCounts, LogLeaks leaks, TokenRegistry registry,
            RedcapInventory inventory, AuditTrail auditTrail, ApplicationEventPublisher publisher, RedcapLogProperties properties, PlatformTransactionManager transactions,
            RateBudgets budgets) {
        this.servers = servers;
        this.database = database;
        this.api = api;
        this.cursors = cursors;
        this.events = events;
        this.uses = uses;
        this.callCounts = callCounts;
        this.leaks = leaks;
        this.registry = registry;
        this.inventory = inventory;
        this.auditTrail = auditTrail;
        this.publisher = publisher;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.budgets = budgets;
    }

    /** Reads what is new in the log of every enrolled project of the environment (and, in database mode, project 0). */
    public LogCatchUp catchUp(RedcapEnvironment environment) {
        RedcapProperties.Server server = servers.server(environment);
        Map<Long, LogCatchUp.Project> read = new TreeMap<>();
        boolean fromTables = database.readable(environment);
        List<Long> projects = fromTables ? List.copyOf(new TreeSet<>(server.enrolledProjects()))
                : leastRecentlyReadFirst(environment, server.enrolledProjects());
        if (fromTables) {
            read.putAll(fromTables(environment, projects));
        }
        for (long projectId : fromTables ? List.<Long>of() : projects) {
            if (!withinShare(environment)) {
                log.info("Catching up with REDCap {} stops at its budget share: {} of {} projects read, the rest first"
                        + " next time", environment, read.size(), projects.size());
                break;
            }
            readProject(environment, projectId, false).ifPresent(project -> read.put(projectId, project));
        }
        if (fromTables) {
            read.put(0L, fromTable(environment, 0));
            fromLogView(environment, projects).forEach((projectId, project) ->
                    read.merge(projectId, project, LogCatchUp.Project::plus));
        }
        LogCatchUp caughtUp = new LogCatchUp(environment, read);
        log.info("Caught up with {}", caughtUp);
        return caughtUp;
    }

    /**
     * Database mode: the projects' log tables, {@code tokengov.redcap-log.parallel-projects} at a time (each project's
     * batches and cursor in transactions of their own, so projects never share one). A project that fails does not
     * stop the others; the first failure is thrown once all are done, and what they finished stays read.
     */
    private Map<Long, LogCatchUp.Project> fromTables(RedcapEnvironment environment, List<Long> projects) {
        int threads = Math.min(properties.parallelProjects(), projects.size());
        if (threads <= 1) {
            Map<Long, LogCatchUp.Project> read = new TreeMap<>();
            projects.forEach(projectId -> read.put(projectId, fromTable(environment, projectId)));
            return read;
        }
        ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread worker = new Thread(runnable, "redcap-log-" + environment.name().toLowerCase());
            worker.setDaemon(true);
            return worker;
        });
        try {
            Map<Long, Future<LogCatchUp.Project>> pending = new TreeMap<>();
            projects.forEach(projectId -> pending.put(projectId, workers.submit(() -> fromTable(environment, projectId))));
            Map<Long, LogCatchUp.Project> read = new TreeMap<>();
            RuntimeException failure = null;
            for (Map.Entry<Long, Future<LogCatchUp.Project>> project : pending.entrySet()) {
                try {
                    read.put(project.getKey(), project.getValue().get());
                } catch (ExecutionException e) {
                    failure = failure != null ? failure : e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException("Reading project " + project.getKey() + "'s log failed", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while reading REDCap " + environment + "'s log", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            return read;
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * Whether a call through REDCap's API leaves the server's budget with its reserve for others (revocations, people's
     * steps): a catch-up uses at most {@code tokengov.redcap-log.api-budget-share} of it.
     */
    public boolean withinShare(RedcapEnvironment environment) {
        RateBudget budget = budgets.of(environment);
        return budget.freeNow() > properties.reserveOf(budget.permitsPerWindow());
    }

    /** API mode: the projects never read, then those read longest ago, so a catch-up cut short never starves one. */
    private List<Long> leastRecentlyReadFirst(RedcapEnvironment environment, Set<Long> projects) {
        Map<Long, Instant> readAt = cursors.readAt(environment);
        return projects.stream().sorted(Comparator.comparing((Long projectId) -> readAt.getOrDefault(projectId, Instant.MIN))
                .thenComparing(Comparator.naturalOrder())).toList();
    }

    /** Reads what is new in one project's log (for a single token's question, e.g. its renewal notice). */
    public LogCatchUp catchUp(RedcapEnvironment environment, long projectId) {
        Map<Long, LogCatchUp.Project> read = new TreeMap<>();
        readProject(environment, projectId, database.readable(environment))
                .ifPresent(project -> read.put(projectId, project));
        return new LogCatchUp(environment, read);
    }

    private Optional<LogCatchUp.Project> readProject(RedcapEnvironment environment, long projectId, boolean fromTables) {
        if (fromTables) {
            return Optional.of(fromTable(environment, projectId));
        }
        String steward = servers.server(environment).stewardTokens().get(projectId);
        if (steward == null || steward.isBlank()) {
            log.warn("REDCap {} project {}: no steward token, so its log cannot be read through the API", environment,
                    projectId);
            return Optional.empty();
        }
        return Optional.of(fromApi(environment, projectId));
    }

    private LogCatchUp.Project fromTable(RedcapEnvironment environment, long projectId) {
        cursors.ensure(environment, projectId);
        ZoneId zone = servers.server(environment).timeZone();
        LogCatchUp.Project total = LogCatchUp.Project.NOTHING;
        while (true) {
            Batch batch = transaction.execute(status -> {
                LogCursors.Cursor cursor = cursors.lock(environment, projectId);
                List<RedcapLogRow> rows = projectId == 0
                        ? database.rowsWithoutProjectAfter(environment, cursor.lastLogEventId(), properties.batchSize())
                        : database.projectRowsAfter(environment, projectId, cursor.lastLogEventId(), properties.batchSize());
                if (rows.isEmpty()) {
                    return new Batch(0, LogCatchUp.Project.NOTHING);
                }
                Kept kept = keep(environment, projectId, rows.stream().map(row -> new KeyedRow(row, row.where())).toList(),
                        zone, cursor.lastRowAt(), true);
                cursors.advance(environment, projectId, new LogCursors.Cursor(rows.get(rows.size() - 1).id(),
                        cursor.beginLocalTime(), kept.lastAt(), clock.instant()));
                return new Batch(rows.size(), kept.counts());
            });
            total = total.plus(batch.counts());
            if (batch.rows() < properties.batchSize()) {
                return total;
            }
        }
    }

    /**
     * Database mode: the enrolled projects' API requests in REDCap's request log ({@code redcap_log_view}) after the
     * environment's cursor there, a batch at a time, each batch and the cursor's advance one transaction. Only the
     * calls no log_event row tells ({@link SilentApiCalls}) are counted, as {@link UsageKind#OTHER}, and taken as uses;
     * a token value in a row is a leak as anywhere else in the log.
     */
    private Map<Long, LogCatchUp.Project> fromLogView(RedcapEnvironment environment, List<Long> projects) {
        ZoneId zone = servers.server(environment).timeZone();
        Map<Long, LogCatchUp.Project> total = new TreeMap<>();
        Instant last = null;
        while (true) {
            Instant previous = last;
            ViewBatch batch = transaction.execute(status -> logViewBatch(environment, projects, zone, previous));
            batch.counts().forEach((projectId, counts) -> total.merge(projectId, counts, LogCatchUp.Project::plus));
            last = batch.lastAt();
            if (batch.rows() < properties.batchSize()) {
                return total;
            }
        }
    }

    /** @param previous the instant of the request row read before these in this catch-up, or null */
    private ViewBatch logViewBatch(RedcapEnvironment environment, List<Long> projects, ZoneId zone, Instant previous) {
        long after = cursors.lockLogView(environment);
        List<RedcapLogRow> rows = database.apiRequestsAfter(environment, projects, after, properties.batchSize());
        Map<Long, LogCatchUp.Project> counts = new TreeMap<>();
        Map<Long, Map<String, ApiUses.LastCalls>> lastCalls = new TreeMap<>();
        Map<Long, List<ApiCall>> calls = new TreeMap<>();
        Instant last = previous;
        for (RedcapLogRow row : rows) {
            Instant at = RedcapLocalTime.toInstant(row.at(), zone, last);
            last = at;
            int leaked = row.tokenValues().isEmpty() ? 0 : reportLeaks(environment, row, at);
            boolean silent = SilentApiCalls.isSilentCall(row);
            if (silent) {
                String user = row.user().trim();
                lastCalls.computeIfAbsent(row.projectId(), any -> new HashMap<>())
                        .merge(user, ApiUses.LastCalls.of(at, Optional.empty()), ApiUses.LastCalls::newest);
                calls.computeIfAbsent(row.projectId(), any -> new ArrayList<>()).add(new ApiCall(user, at, UsageKind.OTHER));
            }
            counts.merge(row.projectId(), new LogCatchUp.Project(1, 0, leaked, silent ? 1 : 0), LogCatchUp.Project::plus);
        }
        lastCalls.forEach((projectId, users) -> uses.record(environment, projectId, users));
        calls.forEach((projectId, made) -> callCounts.add(environment, projectId, made));
        if (!rows.isEmpty()) {
            cursors.advanceLogView(environment, rows.get(rows.size() - 1).id());
        }
        return new ViewBatch(rows.size(), counts, last);
    }

    private LogCatchUp.Project fromApi(RedcapEnvironment environment, long projectId) {
        cursors.ensure(environment, projectId);
        ZoneId zone = servers.server(environment).timeZone();
        return transaction.execute(status -> {
            LogCursors.Cursor cursor = cursors.lock(environment, projectId);
            Instant now = clock.instant();
            LocalDateTime begin = cursor.beginLocalTime() == null ? WHOLE_LOG : cursor.beginLocalTime();
            Map<String, Integer> seen = cursor.beginLocalTime() == null ? Map.of() : cursors.seenRows(environment, projectId);
            List<RedcapLogRow> newestFirst = api.logSince(environment, projectId, begin);
            LocalDateTime next = ApiLogWindow.beginOfNextRead(now, properties.apiOverlap(), zone);
            // Never back: the digests kept cover the rows from `begin` on only.
            next = next.isBefore(begin) ? begin : next;
            ApiLogWindow.Split split = ApiLogWindow.split(newestFirst, seen, next);
            List<KeyedRow> fresh = split.fresh().stream().map(row -> new KeyedRow(row.row(),
                    "api " + projectId + " " + row.row().at() + " " + row.digest() + " #" + row.occurrence())).toList();
            // Rows of the API's log are in wall-clock order, not in the order REDCap wrote them: a repeated hour's
            // rows are placed by when they were first read (RedcapLocalTime), not by their neighbours.
            Kept kept = keep(environment, projectId, fresh, zone, cursor.readAt(), false);
            cursors.replaceSeenRows(environment, projectId, split.seenFromNextBegin());
            cursors.advance(environment, projectId, new LogCursors.Cursor(0, next,
                    kept.lastAt() == null ? cursor.lastRowAt() : kept.lastAt(), now));
            return kept.counts();
        });
    }

    /** A row with the key that names it in REDCap's log. */
    private record KeyedRow(RedcapLogRow row, String key) {
    }

    private record Batch(int rows, LogCatchUp.Project counts) {
    }

    /** @param lastAt the instant of the batch's last request row, which places the next batch's first */
    private record ViewBatch(int rows, Map<Long, LogCatchUp.Project> counts, Instant lastAt) {
    }

    /** @param lastAt the instant of the last row in REDCap's log order (database mode), or of the newest row (API mode) */
    private record Kept(LogCatchUp.Project counts, Instant lastAt) {
    }

    /**
     * @param previous the instant of the row before these (or of the last read)
     * @param inLogOrder whether the rows come in the order REDCap wrote them, so each places the next in a repeated hour
     */
    private Kept keep(RedcapEnvironment environment, long projectId, List<KeyedRow> rows, ZoneId zone, Instant previous,
            boolean inLogOrder) {
        int tokenEvents = 0;
        int leaked = 0;
        int apiCalls = 0;
        Map<String, ApiUses.LastCalls> lastCalls = new HashMap<>();
        List<ApiCall> calls = new ArrayList<>();
        Instant last = previous;
        Instant newest = null;
        for (KeyedRow keyed : rows) {
            RedcapLogRow row = keyed.row();
            Instant at = RedcapLocalTime.toInstant(row.at(), zone, last);
            if (inLogOrder) {
                last = at;
            }
            newest = newest == null || at.isAfter(newest) ? at : newest;
            Optional<TokenEventRows.Recognized> event = TokenEventRows.recognize(row);
            if (!row.tokenValues().isEmpty() && event.filter(known -> known.kind().namesAnOldValue()).isEmpty()) {
                leaked += reportLeaks(environment, row, at);
            }
            if (event.isPresent() && events.keep(environment, row.projectId(), event.get().username(), row.user(),
                    event.get().kind(), at, keyed.key())) {
                tokenEvents++;
            }
            if (TokenEventRows.isApiCall(row) && row.user() != null && !row.user().isBlank()) {
                apiCalls++;
                lastCalls.merge(row.user().trim(), ApiUses.LastCalls.of(at, ApiCallRight.of(row)), ApiUses.LastCalls::newest);
                calls.add(new ApiCall(row.user().trim(), at, UsageKinds.of(row)));
            }
        }
        if (projectId != 0) {
            uses.record(environment, projectId, lastCalls);
            callCounts.add(environment, projectId, calls);
        }
        // In log order the last row places the next batch's first; otherwise the newest row read is what is known.
        return new Kept(new LogCatchUp.Project(rows.size(), tokenEvents, leaked, apiCalls), inLogOrder ? last : newest);
    }

    /**
     * A value of a live registered token in the log is a leak: told once per token and value (audit, event); a value
     * that no longer works (an old one, a revoked token's, a held token's whose value the hold deleted) is none. Where
     * REDCap's database is readable, "still works" is REDCap's word: it holds that value for the token now.
     */
    private int reportLeaks(RedcapEnvironment environment, RedcapLogRow row, Instant at) {
        int leaked = 0;
        for (TokenFingerprint value : row.tokenValues()) {
            for (IssuedToken token : registry.withFingerprint(value)) {
                if (!token.state().isLive() || !stillInRedcap(token, value)
                        || !leaks.firstSighting(token.id(), value, row.where(), at)) {
                    continue;
                }
                String where = "REDCap " + environment + ", " + row.where() + ", at " + at
                        + " (\"" + shortly(row.description()) + "\" by " + row.user() + ")";
                log.warn("The value of live token {} is in REDCap's log: {}", token.id(), where);
                auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.TOKEN_VALUE_IN_REDCAP_LOG, token.requestId(),
                        token.id(), where);
                publisher.publishEvent(new TokenValueInRedcapLog(token.id(), environment, row.projectId(), row.where()));
                leaked++;
            }
        }
        return leaked;
    }

    private boolean stillInRedcap(IssuedToken token, TokenFingerprint value) {
        if (!inventory.readable(token.environment())) {
            return true;
        }
        return inventory.token(token.environment(), token.projectId(), token.holder())
                .filter(inRedcap -> inRedcap.fingerprint().equals(value)).isPresent();
    }

    private static String shortly(String text) {
        return text == null ? "" : text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }
}
