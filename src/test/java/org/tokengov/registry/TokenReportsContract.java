package org.tokengov.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tokengov.redcap.RedcapEnvironment;

/**
 * {@link TokenReports} against the registry table on a real database: every count and list equals what a plain read
 * of all rows, filtered and sorted in Java, gives; a holder's selection never reaches another person's token. The
 * tokens are random (fixed seed) across holders, environments, projects, states and dates, with many sharing an issue
 * instant, and more than a {@link TokenReports#BATCH} of them, so batches and pages meet in the middle of ties.
 */
abstract class TokenReportsContract {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final List<String> HOLDERS = List.of("alice", "bob", "carol", "dave", "erin");
    static final List<Long> PROJECTS = List.of(101L, 102L, 103L);

    JdbcTemplate jdbc;
    TokenReports reports;

    /** A new, empty database of the kind under test. */
    abstract DataSource newDatabase();

    /** The migration folders of that kind of database. */
    abstract String[] migrations();

    @BeforeEach
    void migrateAndSeed() {
        DataSource dataSource = newDatabase();
        Flyway.configure().dataSource(dataSource).locations(migrations()).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        reports = new TokenReports(JdbcClient.create(dataSource));
        Random random = new Random(35);
        List<Instant> issueInstants = Stream.iterate(NOW.minus(Duration.ofDays(7 * 365)), at -> at.plus(Duration.ofDays(53)))
                .limit(49).toList();
        for (int i = 0; i < 1_300; i++) {
            Instant issued = issueInstants.get(random.nextInt(issueInstants.size()));
            Instant expires = NOW.plus(Duration.ofHours(random.nextInt(24 * 400) - 24 * 30L));
            Instant lastUsed = random.nextInt(4) == 0 ? null : NOW.minus(Duration.ofHours(random.nextInt(24 * 300)));
            jdbc.update("""
                    insert into api_token (id, request_id, holder, environment, project_id, right_export, right_import,
                        right_mobile_app, state, issued_at, expires_at, last_used_at, fingerprint, revoked_at,
                        revocation_reason, version)
                    values (?, null, ?, ?, ?, true, false, false, ?, ?, ?, ?, null, null, null, 0)""",
                    String.format("t-%04d", random.nextInt(10_000)) + "-" + i, HOLDERS.get(random.nextInt(HOLDERS.size())),
                    RedcapEnvironment.values()[random.nextInt(2)].name(), PROJECTS.get(random.nextInt(PROJECTS.size())),
                    TokenState.values()[random.nextInt(TokenState.values().length)].name(), Timestamp.from(issued),
                    Timestamp.from(expires), lastUsed == null ? null : Timestamp.from(lastUsed));
        }
    }

    @Test
    void countsByEnvironmentAndStateEqualACountOfTheRows() {
        for (TokenSelection selection : selections()) {
            Map<RedcapEnvironment, Map<TokenState, Long>> counts = reports.countByEnvironmentAndState(selection);
            for (RedcapEnvironment environment : RedcapEnvironment.values()) {
                for (TokenState state : TokenState.values()) {
                    assertThat(counts.get(environment).get(state)).as(selection + " " + environment + " " + state)
                            .isEqualTo(rows(selection).stream()
                                    .filter(t -> t.environment() == environment && t.state() == state).count());
                }
            }
            assertThat(reports.count(selection)).as(selection.toString()).isEqualTo(rows(selection).size());
        }
    }

    @Test
    void aHoldersSelectionNeverCountsOrListsAnotherPersonsToken() {
        for (String holder : HOLDERS) {
            TokenSelection own = TokenSelection.of(holder, null, null, null);
            long ownRows = all().stream().filter(t -> t.holder().equals(holder)).count();
            assertThat(ownRows).as("the seed gives " + holder + " tokens, and others too").isBetween(1L, 1_299L);
            assertThat(reports.countByEnvironmentAndState(own).values().stream()
                    .flatMap(byState -> byState.values().stream()).mapToLong(Long::longValue).sum()).isEqualTo(ownRows);
            assertThat(reports.newestFirst(own, 0, 10_000)).hasSize((int) ownRows)
                    .allSatisfy(t -> assertThat(t.holder()).isEqualTo(holder));
            List<IssuedToken> exported = new ArrayList<>();
            reports.forEachNewestFirst(own, exported::add);
            assertThat(exported).hasSize((int) ownRows).allSatisfy(t -> assertThat(t.holder()).isEqualTo(holder));
            assertThat(reports.expiringBefore(own.narrowedTo(TokenState.LIVE), NOW.plus(Duration.ofDays(90)), 0, 10_000))
                    .allSatisfy(t -> assertThat(t.holder()).isEqualTo(holder));
            assertThat(reports.idleSince(own, NOW, 0, 10_000)).allSatisfy(t -> assertThat(t.holder()).isEqualTo(holder));
        }
    }

    @Test
    void expiryCountsAndTheListSoonestFirstEqualTheRowsExpiringBeforeEachDeadline() {
        List<Instant> deadlines = List.of(NOW.plus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(60)), NOW.plus(Duration.ofDays(90)));
        for (TokenSelection selection : selections()) {
            TokenSelection live = selection.narrowedTo(TokenState.LIVE);
            assertThat(reports.countExpiringBefore(live, deadlines)).as(selection.toString()).isEqualTo(deadlines.stream()
                    .map(deadline -> (long) rows(live, t -> t.expiresAt().isBefore(deadline)).size()).toList());
            List<IssuedToken> expected = sorted(rows(live, t -> t.expiresAt().isBefore(deadlines.get(2))),
                    Comparator.comparing(IssuedToken::expiresAt));
            assertPagedAs(expected, (offset, limit) -> reports.expiringBefore(live, deadlines.get(2), offset, limit));
        }
    }

    @Test
    void idleCountsAndTheListLongestIdleFirstEqualTheRowsLastUsedOrIssuedBefore() {
        Instant before = NOW.minus(Duration.ofDays(150));
        for (TokenSelection selection : selections()) {
            TokenSelection usable = selection.narrowedTo(EnumSet.of(TokenState.ACTIVE, TokenState.QA_ACTIVE));
            List<IssuedToken> expected = sorted(rows(usable, t -> idleSince(t).isBefore(before)),
                    Comparator.comparing(TokenReportsContract::idleSince));
            assertThat(reports.countIdleSince(usable, before)).as(selection.toString()).isEqualTo(expected.size());
            assertPagedAs(expected, (offset, limit) -> reports.idleSince(usable, before, offset, limit));
        }
    }

    @Test
    void newestFirstInPagesAndInBatchesHasEveryTokenOnceInIssueOrder() {
        for (TokenSelection selection : selections()) {
            List<IssuedToken> expected = sorted(rows(selection),
                    Comparator.comparing(IssuedToken::issuedAt, Comparator.reverseOrder()));
            assertPagedAs(expected, (offset, limit) -> reports.newestFirst(selection, offset, limit));
            List<String> exported = new ArrayList<>();
            reports.forEachNewestFirst(selection, token -> exported.add(token.id()));
            assertThat(exported).as(selection.toString()).isEqualTo(ids(expected));
        }
        assertThat(all()).as("more than a batch, so the export reads several").hasSizeGreaterThan(2 * TokenReports.BATCH);
    }

    @Test
    void theTokensOfAPisProjectsAreEveryTokenThereInAnyStateNewestFirstAndNoOther() {
        Map<RedcapEnvironment, List<Long>> projects = Map.of(RedcapEnvironment.PROD, List.of(101L, 103L),
                RedcapEnvironment.QA, List.of(102L));
        List<IssuedToken> expected = sorted(all().stream()
                        .filter(t -> projects.get(t.environment()).contains(t.projectId())).toList(),
                Comparator.comparing(IssuedToken::issuedAt, Comparator.reverseOrder()));

        assertThat(reports.countOnProjects(projects)).isEqualTo(expected.size());
        assertPagedAs(expected, (offset, limit) -> reports.onProjects(projects, offset, limit));
        Map<RedcapEnvironment, List<Long>> none = Map.of(RedcapEnvironment.PROD, List.of(), RedcapEnvironment.QA, List.of());
        assertThat(reports.countOnProjects(none)).as("a PI of no project").isZero();
        assertThat(reports.onProjects(none, 0, 10)).isEmpty();
    }

    @Test
    void theProjectsWithLiveTokensAreReadInOrderAndBounded() {
        List<Long> expected = all().stream()
                .filter(t -> t.environment() == RedcapEnvironment.QA && t.state().isLive())
                .map(IssuedToken::projectId).distinct().sorted().toList();

        assertThat(reports.projectsWithLiveTokens(RedcapEnvironment.QA, 10)).isEqualTo(expected);
        assertThat(reports.projectsWithLiveTokens(RedcapEnvironment.QA, 2)).isEqualTo(expected.subList(0, 2));
    }

    @Test
    void aSelectionAdmittingNoStateHasNoTokens() {
        TokenSelection none = TokenSelection.of(null, null, null, TokenState.REVOKED).narrowedTo(TokenState.LIVE);
        assertThat(none.states()).isEmpty();
        assertThat(reports.count(none)).isZero();
        assertThat(reports.newestFirst(none, 0, 10)).isEmpty();
        assertThat(reports.countExpiringBefore(none, List.of(NOW))).containsExactly(0L);
        assertThat(reports.countByEnvironmentAndState(none).get(RedcapEnvironment.PROD).get(TokenState.REVOKED)).isZero();
    }

    /** The list read in pages of 7, then in one: both equal the expected ids. */
    private static void assertPagedAs(List<IssuedToken> expected, Page page) {
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset <= expected.size(); offset += 7) {
            page.read(offset, 7).forEach(token -> paged.add(token.id()));
        }
        assertThat(paged).isEqualTo(ids(expected));
        assertThat(ids(page.read(0, expected.size() + 1))).isEqualTo(ids(expected));
    }

    private interface Page {
        List<IssuedToken> read(int offset, int limit);
    }

    private static List<TokenSelection> selections() {
        List<TokenSelection> selections = new ArrayList<>();
        selections.add(TokenSelection.of(null, null, null, null));
        selections.add(TokenSelection.of("bob", null, null, null));
        selections.add(TokenSelection.of(null, RedcapEnvironment.PROD, null, null));
        selections.add(TokenSelection.of(null, null, 102L, TokenState.ACTIVE));
        selections.add(TokenSelection.of("carol", RedcapEnvironment.QA, 101L, null));
        selections.add(TokenSelection.of("alice", null, null, TokenState.SUSPENDED));
        selections.add(new TokenSelection(null, null, null, Set.of(TokenState.REVOKED, TokenState.FOUND)));
        return selections;
    }

    private List<IssuedToken> rows(TokenSelection selection) {
        return rows(selection, token -> true);
    }

    /** Independent of {@link TokenReports}: every row, filtered here. */
    private List<IssuedToken> rows(TokenSelection selection, Predicate<IssuedToken> also) {
        return all().stream()
                .filter(t -> selection.holder() == null || selection.holder().equals(t.holder()))
                .filter(t -> selection.environment() == null || selection.environment() == t.environment())
                .filter(t -> selection.projectId() == null || selection.projectId() == t.projectId())
                .filter(t -> selection.states().contains(t.state()))
                .filter(also)
                .toList();
    }

    private List<IssuedToken> all() {
        return jdbc.query("select * from api_token", (row, number) -> new IssuedToken(row.getString("id"), null,
                row.getString("holder"), RedcapEnvironment.valueOf(row.getString("environment")), row.getLong("project_id"),
                true, false, false, TokenState.valueOf(row.getString("state")), row.getTimestamp("issued_at").toInstant(),
                row.getTimestamp("expires_at").toInstant(),
                row.getTimestamp("last_used_at") == null ? null : row.getTimestamp("last_used_at").toInstant(), null, null,
                null, 0L));
    }

    private static List<IssuedToken> sorted(List<IssuedToken> tokens, Comparator<IssuedToken> order) {
        return tokens.stream().sorted(order.thenComparing(IssuedToken::id)).toList();
    }

    private static Instant idleSince(IssuedToken token) {
        return token.lastUsedAt() != null ? token.lastUsedAt() : token.issuedAt();
    }

    private static List<String> ids(List<IssuedToken> tokens) {
        return tokens.stream().map(IssuedToken::id).toList();
    }
}
