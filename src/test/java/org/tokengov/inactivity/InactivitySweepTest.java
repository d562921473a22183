package org.tokengov.inactivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.lifecycle.RevocationReason;
import org.tokengov.lifecycle.TokenLifecycles;
import org.tokengov.notification.Notifier;
import org.tokengov.redcap.RateBudget;
import org.tokengov.redcap.RateBudgets;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapProperties;
import org.tokengov.redcap.RedcapUnavailableException;
import org.tokengov.redcap.TokenAdministrationMode;
import org.tokengov.redcaplog.RedcapLogReader;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;

/**
 * One sweep batch against fakes: catches up with REDCap's logs once per sweep (never per token), decides on the
 * registry's last use, warns once, revokes, and splits by the budget.
 */
class InactivitySweepTest {

    static final Instant NOW = Instant.parse("2026-09-01T02:00:00Z");

    TokenRegistry registry = mock(TokenRegistry.class);
    RedcapLogReader logReader = mock(RedcapLogReader.class);
    RedcapProperties servers = new RedcapProperties(Map.of(
            RedcapEnvironment.QA, server(), RedcapEnvironment.PROD, server()));
    RateBudgets budgets = mock(RateBudgets.class);
    TokenLifecycles lifecycles = mock(TokenLifecycles.class);
    Notifier notifier = mock(Notifier.class);
    AuditTrail audit = mock(AuditTrail.class);
    Map<String, Instant> warned = new HashMap<>();
    InactivityWarnings warnings = new InactivityWarnings(null) {
        @Override
        Optional<Instant> warnedFor(String tokenId) {
            return Optional.ofNullable(warned.get(tokenId));
        }

        @Override
        void recordWarned(String tokenId, Instant inactiveSince, Instant warnedAt) {
            warned.put(tokenId, inactiveSince);
        }
    };
    List<IssuedToken> tokens = new ArrayList<>();
    Map<String, Instant> uses = new HashMap<>();
    InactivitySweep sweep;

    @BeforeEach
    void wire() {
        when(budgets.of(RedcapEnvironment.QA)).thenReturn(new RateBudget("QA", 120, Duration.ofSeconds(5)));
        when(budgets.of(RedcapEnvironment.PROD)).thenReturn(new RateBudget("PROD", 8, Duration.ofSeconds(5)));
        when(registry.liveHolders()).thenAnswer(call -> tokens.stream().filter(t -> t.state().isLive())
                .map(IssuedToken::holder).distinct().toList());
        when(registry.ofHolder(anyString())).thenAnswer(call -> tokens.stream()
                .filter(t -> t.holder().equals(call.getArgument(0))).toList());
        doAnswer(call -> {
            tokens.replaceAll(t -> !uses.containsKey(t.id()) ? t : new IssuedToken(t.id(), t.requestId(), t.holder(),
                    t.environment(), t.projectId(), t.rightExport(), t.rightImport(), t.rightMobileApp(), t.state(),
                    t.issuedAt(), t.expiresAt(), uses.get(t.id()), t.fingerprint(), t.revokedAt(), t.revocationReason(),
                    t.version()));
            return null;
        }).when(logReader).catchUp(RedcapEnvironment.QA);
        sweep = new InactivitySweep(registry, servers, logReader, budgets, lifecycles, notifier, audit, warnings,
                InactivityRuleTest.POLICY, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    IssuedToken token(String holder, TokenState state, Instant issuedAt) {
        IssuedToken token = new IssuedToken(holder + "-" + tokens.size(), "req-" + holder, holder,
                RedcapEnvironment.QA, 201, true, false, false, state, issuedAt, issuedAt.plus(Duration.ofDays(365)),
                null, null, null, null, 0L);
        tokens.add(token);
        return token;
    }

    static RedcapProperties.Server server() {
        return new RedcapProperties.Server(URI.create("http://redcap.example.org/api/"), TokenAdministrationMode.MANUAL,
                null, Map.of(), null, null, null, null, null);
    }

    /** What REDCap's log shows: the log reader records it in the registry when it catches up. */
    void usedAt(IssuedToken token, Instant at) {
        uses.put(token.id(), at);
    }

    @Test
    void theBatchSizeIsTheBudgetShareOfTheSmallestBudget() {
        assertThat(sweep.batchSize()).isEqualTo(4);
    }

    @Test
    void aTokenUnusedForSixMonthsIsRevokedAndARecentOneKept() {
        IssuedToken idle = token("alice", TokenState.ACTIVE, Instant.parse("2025-12-01T00:00:00Z"));
        usedAt(idle, NOW.atZone(ZoneOffset.UTC).minusMonths(6).minusDays(1).toInstant());
        IssuedToken busy = token("bob", TokenState.QA_ACTIVE, Instant.parse("2025-12-01T00:00:00Z"));
        usedAt(busy, NOW.minus(Duration.ofDays(3)));

        InactivitySweep.BatchResult result = sweep.checkBatch(null);

        assertThat(result).isEqualTo(new InactivitySweep.BatchResult("bob", false, 2, 0, 1));
        verify(lifecycles).revoke(idle.id(), RevocationReason.INACTIVITY, AuditTrail.SYSTEM_ACTOR);
        verify(lifecycles, never()).revoke(eq(busy.id()), any(), any());
        verify(audit).record(eq(AuditTrail.SYSTEM_ACTOR), eq(AuditAction.INACTIVITY_REVOCATION_REQUESTED), any(),
                eq(idle.id()), any());
    }

    @Test
    void oneDayBeforeSixMonthsNothingIsRevoked() {
        IssuedToken token = token("alice", TokenState.SUSPENDED, Instant.parse("2025-12-01T00:00:00Z"));
        usedAt(token, NOW.atZone(ZoneOffset.UTC).minusMonths(6).plusDays(1).toInstant());
        warned.put(token.id(), NOW.atZone(ZoneOffset.UTC).minusMonths(6).plusDays(1).toInstant());

        assertThat(sweep.checkBatch(null).revoked()).isZero();
        verify(lifecycles, never()).revoke(any(), any(), any());
    }

    @Test
    void aNeverUsedTokenIsRevokedSixMonthsAfterIssue() {
        IssuedToken old = token("alice", TokenState.QA_ACTIVE, NOW.atZone(ZoneOffset.UTC).minusMonths(6).minusDays(1).toInstant());
        IssuedToken fresh = token("bob", TokenState.QA_ACTIVE, NOW.atZone(ZoneOffset.UTC).minusMonths(5).toInstant());

        sweep.checkBatch(null);

        verify(lifecycles).revoke(old.id(), RevocationReason.INACTIVITY, AuditTrail.SYSTEM_ACTOR);
        verify(lifecycles, never()).revoke(eq(fresh.id()), any(), any());
    }

    @Test
    void theHolderIsWarnedOnceInTheWarningPeriod() {
        IssuedToken token = token("alice", TokenState.ACTIVE, Instant.parse("2025-12-01T00:00:00Z"));
        Instant lastUse = NOW.atZone(ZoneOffset.UTC).minusMonths(6).plusDays(10).toInstant();
        usedAt(token, lastUse);

        assertThat(sweep.checkBatch(null).warned()).isEqualTo(1);
        assertThat(sweep.checkBatch(null).warned()).as("the next day's sweep").isZero();
        verify(logReader, times(2)).catchUp(RedcapEnvironment.QA);

        verify(notifier, times(1)).send(any());
        assertThat(warned).containsEntry(token.id(), lastUse);
        verify(audit, times(1)).record(eq(AuditTrail.SYSTEM_ACTOR), eq(AuditAction.INACTIVITY_WARNING_SENT), any(),
                eq(token.id()), any());
        verify(lifecycles, never()).revoke(any(), any(), any());
    }

    @Test
    void batchesStopAtTheBatchSizeAndContinueAfterTheCursor() {
        for (String holder : List.of("erin", "alice", "dave", "carol", "bob", "frank")) {
            token(holder, TokenState.ACTIVE, NOW.minus(Duration.ofDays(1)));
        }
        token("zed", TokenState.REVOKED, NOW.minus(Duration.ofDays(1)));

        InactivitySweep.BatchResult first = sweep.checkBatch(null);
        assertThat(first).isEqualTo(new InactivitySweep.BatchResult("dave", true, 4, 0, 0));
        InactivitySweep.BatchResult second = sweep.checkBatch(first.cursor());
        assertThat(second).isEqualTo(new InactivitySweep.BatchResult("frank", false, 2, 0, 0));
        verify(logReader, times(1)).catchUp(RedcapEnvironment.QA);
        verify(logReader, times(1)).catchUp(RedcapEnvironment.PROD);
        verifyNoMoreInteractions(logReader);
    }

    @Test
    void theLastUseIsReadAfterTheLogCaughtUpSoAUseSinceTheLastSweepSavesTheToken() {
        IssuedToken token = token("alice", TokenState.ACTIVE, Instant.parse("2025-12-01T00:00:00Z"));
        usedAt(token, NOW.minus(Duration.ofHours(1)));

        assertThat(sweep.checkBatch(null).revoked()).isZero();
        verify(lifecycles, never()).revoke(any(), any(), any());
    }

    @Test
    void aLogThatCannotBeReadFailsTheBatchAndRevokesNothing() {
        token("alice", TokenState.ACTIVE, Instant.parse("2025-01-01T00:00:00Z"));
        doThrow(new RedcapUnavailableException("REDCap QA's database is down")).when(logReader).catchUp(RedcapEnvironment.QA);

        assertThatThrownBy(() -> sweep.checkBatch(null)).isInstanceOf(RedcapUnavailableException.class);
        verify(lifecycles, never()).revoke(any(), any(), any());
    }

    @Test
    void nothingToDo() {
        assertThat(sweep.checkBatch(null)).isEqualTo(new InactivitySweep.BatchResult(null, false, 0, 0, 0));
    }
}
