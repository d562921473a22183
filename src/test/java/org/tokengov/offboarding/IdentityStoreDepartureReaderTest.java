package org.tokengov.offboarding;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tokengov.clusterlock.ClusterOnce;
import org.tokengov.identity.AccountDeparture;
import org.tokengov.identity.AccountDepartureFeed;

/** What the reader does with the departures the identity store's feed hands over. */
class IdentityStoreDepartureReaderTest {

    final DepartedHolderWatch watch = mock(DepartedHolderWatch.class);
    final AccountDepartureFeed feed = mock(AccountDepartureFeed.class);
    final ClusterOnce clusterOnce = mock(ClusterOnce.class);

    @BeforeEach
    void thisReplicaGetsTheLease() {
        when(clusterOnce.run(any(), any(), any())).thenAnswer(call -> {
            call.<Runnable>getArgument(2).run();
            return true;
        });
    }

    IdentityStoreDepartureReader reader(Optional<AccountDepartureFeed> feed) {
        return new IdentityStoreDepartureReader(feed, watch, clusterOnce);
    }

    void feedHands(List<AccountDeparture> departures) {
        doAnswer(call -> {
            Consumer<AccountDeparture> handler = call.getArgument(0);
            departures.forEach(handler);
            return null;
        }).when(feed).readNew(any());
    }

    @Test
    void aNamedDepartureIsCheckedAsTheHolderItNames() {
        feedHands(List.of(new AccountDeparture("erin", false), new AccountDeparture("bob", true)));

        reader(Optional.of(feed)).readNow();

        verify(watch).checkHolder("erin");
        verify(watch).checkHolder("bob");
        verify(watch, never()).checkNow();
    }

    @Test
    void aDeletionWithoutANameMakesThePollRunAtOnce() {
        feedHands(List.of(new AccountDeparture(null, true), new AccountDeparture(null, true)));

        reader(Optional.of(feed)).readNow();

        verify(watch).checkNow();
    }

    @Test
    void aFeedThatCannotBeReadReportsNothing() {
        doThrow(new IllegalStateException("Keycloak is down")).when(feed).readNew(any());

        reader(Optional.of(feed)).readNow();

        verifyNoInteractions(watch);
    }

    @Test
    void withoutAFeedOnlyThePollNoticesDepartures() {
        reader(Optional.empty()).readNow();

        verifyNoInteractions(watch);
    }

    @Test
    void whileAnotherReplicaReadsOrPollsNothingIsRead() {
        doReturn(false).when(clusterOnce).run(any(), any(), any());

        reader(Optional.of(feed)).readNow();

        verify(clusterOnce).run(eq(DepartedHolderWatch.LEASE), eq(IdentityStoreDepartureReader.READ_LEASE), any());
        verifyNoInteractions(feed, watch);
    }
}
