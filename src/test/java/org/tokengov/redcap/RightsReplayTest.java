package org.tokengov.redcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The replay decision of an API-rights write: a first attempt writes without reading REDCap (no second permit); a retry
 * of an attempt whose step never committed reads first and writes only if REDCap does not hold the rights yet.
 */
class RightsReplayTest {

    static final TokenRights OFF = new TokenRights(false, false, false);
    static final TokenRights EXPORT = new TokenRights(true, false, false);

    @Test
    void aFirstAttemptWritesWithoutReadingRedcap() {
        AtomicInteger reads = new AtomicInteger();

        assertThat(RightsReplay.mustWrite(false, () -> {
            reads.incrementAndGet();
            return Optional.of(OFF);
        }, OFF)).isTrue();
        assertThat(reads).as("no permit spent on a read").hasValue(0);
    }

    @Test
    void aRetryWhoseEarlierAttemptReachedRedcapWritesNothing() {
        assertThat(RightsReplay.mustWrite(true, () -> Optional.of(OFF), OFF)).isFalse();
        assertThat(RightsReplay.mustWrite(true, () -> Optional.of(EXPORT), EXPORT)).as("a restore, too").isFalse();
    }

    @Test
    void aRetryWhoseEarlierAttemptNeverReachedRedcapWrites() {
        assertThat(RightsReplay.mustWrite(true, () -> Optional.of(EXPORT), OFF)).isTrue();
        assertThat(RightsReplay.mustWrite(true, () -> Optional.of(new TokenRights(true, true, false)), EXPORT))
                .as("any right that differs").isTrue();
    }

    @Test
    void aRetryForAUserRedcapDoesNotShowWritesAsTheFirstAttemptWould() {
        assertThat(RightsReplay.mustWrite(true, Optional::empty, OFF)).isTrue();
    }

    /** The port: one route for every caller, the record asked before the call, the read only on a retry. */
    @Test
    void thePortReadsOnlyOnARetryAndSkipsAWriteRedcapAlreadyHolds() {
        RedcapApiClient api = mock(RedcapApiClient.class);
        RightsWrites writes = mock(RightsWrites.class);
        RedcapApiByMode port = new RedcapApiByMode(ApiRightsTest.MANUAL, api, mock(DatabaseProjectUsers.class), writes);
        RedcapProjectUser rightsOff = new RedcapProjectUser("alice", null, null, false, false, false, false, null);
        when(api.findProjectUser(RedcapEnvironment.PROD, 101, "alice")).thenReturn(Optional.of(rightsOff));

        when(writes.ask(RedcapEnvironment.PROD, 101, "alice")).thenReturn(false);
        port.setApiRights(RedcapEnvironment.PROD, 101, "alice", OFF);
        verify(api, never()).findProjectUser(any(), anyLong(), anyString());
        verify(api).setApiRights(RedcapEnvironment.PROD, 101, "alice", OFF);

        when(writes.ask(RedcapEnvironment.PROD, 101, "alice")).thenReturn(true);
        port.setApiRights(RedcapEnvironment.PROD, 101, "alice", OFF);
        verify(api).findProjectUser(RedcapEnvironment.PROD, 101, "alice");
        verify(api).setApiRights(RedcapEnvironment.PROD, 101, "alice", OFF); // still the first write only

        port.setApiRights(RedcapEnvironment.PROD, 101, "alice", EXPORT);
        verify(api).setApiRights(RedcapEnvironment.PROD, 101, "alice", EXPORT);
    }
}
