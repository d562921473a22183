package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tokengov.redcap.RateBudget;
import org.tokengov.redcap.RateBudgets;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapUnavailableException;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;

class BudgetWindowWaitTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    final TokenRegistry registry = mock(TokenRegistry.class);
    final RateBudgets budgets = mock(RateBudgets.class);
    final RateBudget prod = mock(RateBudget.class);
    final RateBudget qa = mock(RateBudget.class);
    final OffboardingScope scope = mock(OffboardingScope.class);
    final BudgetWindowWait wait = new BudgetWindowWait(scope, registry, budgets);

    static IssuedToken prodToken(String id) {
        return token(id, RedcapEnvironment.PROD, TokenState.ACTIVE);
    }

    void known(IssuedToken token) {
        when(registry.find(token.id())).thenReturn(Optional.of(token));
    }

    static IssuedToken token(String id, RedcapEnvironment environment, TokenState state) {
        return new IssuedToken(id, "req", "bob", environment, 101, true, false, false, state, NOW, NOW, null, null,
                null, null, 1L);
    }

    @Test
    void anOffboardingWaitsUntilEveryServerWhoseTokensStillWaitHasACallFree() {
        when(scope.tokenIds("event-1")).thenReturn(List.of("prod-live", "qa-live", "qa-revoked"));
        known(token("prod-live", RedcapEnvironment.PROD, TokenState.ACTIVE));
        known(token("qa-live", RedcapEnvironment.QA, TokenState.QA_ACTIVE));
        known(token("qa-revoked", RedcapEnvironment.QA, TokenState.REVOKED));
        when(budgets.of(RedcapEnvironment.PROD)).thenReturn(prod);
        when(budgets.of(RedcapEnvironment.QA)).thenReturn(qa);
        when(prod.untilNextSlot()).thenReturn(Duration.ofSeconds(7));
        when(qa.untilNextSlot()).thenReturn(Duration.ofSeconds(30));

        assertThat(Duration.parse(wait.forOffboarding("event-1"))).as("the later of the two servers")
                .isBetween(Duration.ofSeconds(30), Duration.ofSeconds(35));
    }

    @Test
    void anOffboardingWhoseTokensNoLongerWaitForTheBudgetWaitsAboutHalfAWindow() {
        when(scope.tokenIds("event-1")).thenReturn(List.of("prod-pending", "qa-revoked"));
        known(token("prod-pending", RedcapEnvironment.PROD, TokenState.REVOCATION_PENDING));
        known(token("qa-revoked", RedcapEnvironment.QA, TokenState.REVOKED));
        when(budgets.of(RedcapEnvironment.PROD)).thenReturn(prod);
        when(prod.untilNextSlot()).thenReturn(Duration.ofSeconds(50));

        assertThat(Duration.parse(wait.forOffboarding("event-1"))).as("a pending deletion waits for REDCap's"
                + " administrators, not for the budget").isBetween(Duration.ofSeconds(15), Duration.ofSeconds(45));
    }

    @Test
    void waitsUntilTheNextCallOfTheTokensServerFreesSpreadOverAFewSeconds() {
        when(registry.find("token-1")).thenReturn(Optional.of(prodToken("token-1")));
        when(budgets.of(RedcapEnvironment.PROD)).thenReturn(prod);
        when(prod.untilNextSlot()).thenReturn(Duration.ofSeconds(17));

        Set<Duration> waits = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Duration next = Duration.parse(wait.next("token-1"));
            assertThat(next).as("not before the slot frees, within one maximum wait after").isBetween(
                    Duration.ofSeconds(17), Duration.ofSeconds(22));
            waits.add(next);
        }
        assertThat(waits).as("spread, not all the same").hasSizeGreaterThan(100);
    }

    @Test
    void aFreeSlotStillWaitsAMomentSoTheRevocationNeverComesStraightBack() {
        when(registry.find("token-1")).thenReturn(Optional.of(prodToken("token-1")));
        when(budgets.of(RedcapEnvironment.PROD)).thenReturn(prod);
        when(prod.untilNextSlot()).thenReturn(Duration.ZERO);

        for (int i = 0; i < 50; i++) {
            assertThat(Duration.parse(wait.next("token-1"))).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(5));
        }
    }

    @Test
    void anUnreadableBudgetOrAnUnknownTokenWaitsAboutHalfAWindowInsteadOfFailing() {
        when(registry.find("token-1")).thenReturn(Optional.of(prodToken("token-1")));
        when(budgets.of(RedcapEnvironment.PROD)).thenReturn(prod);
        when(prod.untilNextSlot()).thenThrow(new RedcapUnavailableException("database down"));
        when(registry.find("gone")).thenReturn(Optional.empty());

        assertThat(Duration.parse(wait.next("token-1"))).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(45));
        assertThat(Duration.parse(wait.next("gone"))).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(45));
    }
}
