package org.tokengov.redcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The manual (API) mode of lowering API rights and of account suspensions: REDCap's API user import, never above what
 * the PI enabled, never for a role member; REDCap's API cannot suspend an account, so that is an administrator's.
 */
class ApiRightsTest {

    static final RedcapProperties MANUAL = new RedcapProperties(Map.of(RedcapEnvironment.PROD,
            new RedcapProperties.Server(URI.create("http://127.0.0.1:1/api/"), TokenAdministrationMode.MANUAL, null,
                    Map.of(101L, "0".repeat(32)), null, null, null, null, null)));

    final RedcapApiClient api = mock(RedcapApiClient.class);
    final DatabaseTokenAdministration database = mock(DatabaseTokenAdministration.class);
    final ApiRights rights = new ApiRights(MANUAL, database, api);

    static RedcapProjectUser alice(boolean export, boolean importData, boolean mobileApp, String role) {
        return new RedcapProjectUser("alice", null, null, export, importData, mobileApp, false, role);
    }

    @Test
    void theApiUserImportKeepsOnlyWhatWasEnabledAndWhatThePiKeeps() {
        when(api.findProjectUser(RedcapEnvironment.PROD, 101, "alice")).thenReturn(Optional.of(alice(true, true, false, null)));

        assertThat(rights.reduce(RedcapEnvironment.PROD, 101, "alice", new TokenRights(true, false, true), "pat"))
                .isEqualTo(ApiRights.Outcome.REDUCED);

        verify(api).setApiRights(RedcapEnvironment.PROD, 101, "alice", new TokenRights(true, false, false));
        verify(database, never()).reduceApiRights(any(), anyLong(), anyString(), any(), anyString());
    }

    @Test
    void nothingAboveWhatIsKeptOrNoSuchUserWritesNothing() {
        when(api.findProjectUser(RedcapEnvironment.PROD, 101, "alice")).thenReturn(Optional.of(alice(true, false, false, null)));

        assertThat(rights.reduce(RedcapEnvironment.PROD, 101, "alice", new TokenRights(true, false, false), "pat"))
                .isEqualTo(ApiRights.Outcome.NOTHING_TO_REDUCE);
        assertThat(rights.reduce(RedcapEnvironment.PROD, 101, "nobody", new TokenRights(true, false, false), "pat"))
                .isEqualTo(ApiRights.Outcome.NOTHING_TO_REDUCE);
        verify(api, never()).setApiRights(any(), anyLong(), anyString(), any());
    }

    @Test
    void aRoleMemberIsLeftToAnAdministrator() {
        when(api.findProjectUser(RedcapEnvironment.PROD, 101, "alice"))
                .thenReturn(Optional.of(alice(true, true, false, "Data managers")));

        assertThatThrownBy(() -> rights.reduce(RedcapEnvironment.PROD, 101, "alice", new TokenRights(true, false, false),
                "pat")).isInstanceOf(RedcapRoleMemberException.class).hasMessageContaining("user role");
        verify(api, never()).setApiRights(any(), anyLong(), anyString(), any());
    }

    @Test
    void theManualModeCannotSuspendAnAccount() {
        RedcapAccounts accounts = new RedcapAccounts(MANUAL, database);
        LocalDateTime at = LocalDateTime.of(2026, 12, 6, 9, 0);

        assertThat(accounts.suspend(RedcapEnvironment.PROD, "alice", at)).isEqualTo(RedcapAccounts.Outcome.BY_HAND);
        assertThat(accounts.lift(RedcapEnvironment.PROD, "alice", at)).isEqualTo(RedcapAccounts.Outcome.BY_HAND);
        verify(database, never()).suspendAccount(any(), anyString(), any());
    }
}
