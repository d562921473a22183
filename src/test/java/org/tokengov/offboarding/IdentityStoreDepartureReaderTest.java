package org.tokengov.offboarding;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.tokengov.identity.AccountDeparture;
import org.tokengov.identity.AccountDepartureFeed;

/** What the reader does with the departures the identity store's feed hands over. */
class IdentityStoreDepartureReaderTest {

    final DepartedHolderWatch watch = mock(DepartedHolderWatch.class);
    final AccountDepartureFeed feed = mock(AccountDepartureFeed.class);

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

        new IdentityStoreDepartureReader(Optional.of(feed), watch).readNow();

        verify(watch).checkHolder("erin");
        verify(watch).checkHolder("bob");
        verify(watch, never()).checkNow();
    }

    @Test
    void aDeletionWithoutANameMakesThePollRunAtOnce() {
        feedHands(List.of(new AccountDeparture(null, true), new AccountDeparture(null, true)));

        new IdentityStoreDepartureReader(Optional.of(feed), watch).readNow();

        verify(watch).checkNow();
    }

    @Test
    void aFeedThatCannotBeReadReportsNothing() {
        doThrow(new IllegalStateException("Keycloak is down")).when(feed).readNew(any());

        new IdentityStoreDepartureReader(Optional.of(feed), watch).readNow();

        verifyNoInteractions(watch);
    }

    @Test
    void withoutAFeedOnlyThePollNoticesDepartures() {
        new IdentityStoreDepartureReader(Optional.empty(), watch).readNow();

        verifyNoInteractions(watch);
    }
}
