package org.tokengov.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;

/** A lifecycle's revocation has work left exactly when the revocation itself would act. */
class LiveTokensTest {

    final TokenRegistry registry = mock(TokenRegistry.class);
    final LiveTokens live = new LiveTokens(registry);

    @ParameterizedTest
    @EnumSource(TokenState.class)
    void stillToRevokeWhileRedcapHoldsItAndNoDeletionIsPending(TokenState state) {
        when(registry.find("token-1")).thenReturn(Optional.of(new IssuedToken("token-1", "req-1", "bob",
                RedcapEnvironment.PROD, 101, true, false, false, state, Instant.EPOCH, Instant.EPOCH, null, null, null,
                null, 1L)));

        assertThat(live.stillToRevoke("token-1")).as(state.name())
                .isEqualTo(EnumSet.of(TokenState.QA_ACTIVE, TokenState.ACTIVE, TokenState.SUSPENDED, TokenState.FOUND)
                        .contains(state));
    }

    @Test
    void anUnknownTokenHasNothingToRevoke() {
        when(registry.find("gone")).thenReturn(Optional.empty());

        assertThat(live.stillToRevoke("gone")).isFalse();
    }
}
