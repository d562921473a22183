package org.tokengov.requestbutton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.tokengov.redcap.RedcapEnvironment.PROD;
import static org.tokengov.redcap.RedcapEnvironment.QA;

import java.net.URI;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.tokengov.audit.AuditTrail;
import org.tokengov.clusterlock.ClusterOnce;
import org.tokengov.redcap.RedcapProperties;
import org.tokengov.redcap.RedcapProperties.Server;
import org.tokengov.redcap.RedcapTodoList;
import org.tokengov.redcap.RedcapUnavailableException;
import org.tokengov.redcap.TokenAccessRequest;
import org.tokengov.redcap.TokenAdministrationMode;

/** Which to-do rows a poll takes in: enrolled projects of readable servers, each once; and none when switched off. */
class RequestButtonPollTest {

    RedcapTodoList todoList = mock(RedcapTodoList.class);
    TakenRows rows = mock(TakenRows.class);
    RuntimeService runtime = mock(RuntimeService.class);
    ProcessInstance started = mock(ProcessInstance.class);
    ClusterOnce clusterOnce = mock(ClusterOnce.class);
    RequestButtonPoll poll;

    @BeforeEach
    void poll() {
        RedcapProperties redcap = new RedcapProperties(Map.of(
                PROD, server(TokenAdministrationMode.DATABASE, Set.of(101L)),
                QA, server(TokenAdministrationMode.MANUAL, Set.of(201L))));
        when(todoList.readable(PROD)).thenReturn(true);
        when(todoList.readable(QA)).thenReturn(false);
        when(started.getId()).thenReturn("process-1");
        when(runtime.startProcessInstanceByKey(anyString(), anyString(), anyMap())).thenReturn(started);
        when(clusterOnce.call(any(), any(), any()))
                .thenAnswer(call -> Optional.ofNullable(call.<Supplier<?>>getArgument(2).get()));
        poll = new RequestButtonPoll(redcap, todoList, rows, runtime, mock(IdentityService.class), mock(AuditTrail.class),
                mock(PlatformTransactionManager.class), clusterOnce);
    }

    static Server server(TokenAdministrationMode mode, Set<Long> enrolled) {
        return new Server(URI.create("https://redcap.example.org/api/"), mode,
                mode == TokenAdministrationMode.DATABASE ? new RedcapProperties.Database("jdbc:mariadb://db/redcap", "u", "")
                        : null, Map.of(), enrolled, null, null, null, null);
    }

    static TokenAccessRequest row(long requestId, long projectId) {
        return new TokenAccessRequest(PROD, requestId, projectId, "alice", LocalDateTime.of(2026, 12, 6, 9, 0));
    }

    @Test
    void takesInRowsOfEnrolledProjectsOnlyAndNeverReadsAManualModeServer() {
        when(todoList.pendingTokenRequests(PROD)).thenReturn(List.of(row(7, 101), row(8, 999)));

        assertThat(poll.poll()).isEqualTo(1);

        verify(runtime).startProcessInstanceByKey(eq(RequestButtonVariables.PROCESS), eq("PROD-7"), anyMap());
        verify(runtime, never()).startProcessInstanceByKey(anyString(), eq("PROD-8"), anyMap());
        verify(rows).take(row(7, 101), "process-1");
        verify(todoList, never()).pendingTokenRequests(QA);
    }

    @Test
    void aRowTakenBeforeOrByAnotherReplicaIsNotTakenAgain() {
        when(todoList.pendingTokenRequests(PROD)).thenReturn(List.of(row(7, 101), row(9, 101)));
        when(rows.taken(PROD, 7)).thenReturn(true);
        doThrow(new DuplicateKeyException("taken meanwhile")).when(rows).take(any(), anyString());

        assertThat(poll.poll()).isZero();

        verify(runtime, never()).startProcessInstanceByKey(anyString(), eq("PROD-7"), anyMap());
    }

    @Test
    void anUnreachableRedcapDatabaseIsTriedAgainAtTheNextPoll() {
        when(todoList.pendingTokenRequests(PROD)).thenThrow(new RedcapUnavailableException("down"));

        assertThat(poll.poll()).isZero();
    }

    @Test
    void whileAnotherReplicaPollsThisOneSkipsTheRound() {
        doReturn(Optional.empty()).when(clusterOnce).call(any(), any(), any());

        assertThat(poll.poll()).isZero();

        verify(clusterOnce).call(eq(RequestButtonPoll.LEASE), eq(RequestButtonPoll.POLL_LEASE), any());
        verify(todoList, never()).pendingTokenRequests(any());
    }

    @Test
    void switchedOffThereIsNoPoll() {
        ApplicationContextRunner app = new ApplicationContextRunner().withBean(RequestButtonPoll.class, () -> poll);
        app.run(context -> assertThat(context).as("on unless switched off").hasSingleBean(RequestButtonPoll.class));
        app.withPropertyValues("tokengov.request-button.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(RequestButtonPoll.class));
    }
}
