package org.tokengov.accessreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.lifecycle.RevocationReason;
import org.tokengov.lifecycle.TokenLifecycles;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.redcap.ProjectPis;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.usage.RecentUse;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;

class AccessReviewsTest {

    static final Instant NOW = Instant.parse("2026-04-01T07:00:00Z");
    static final ReviewedProject PROD_101 = new ReviewedProject(RedcapEnvironment.PROD, 101);

    final ProjectPis projectPis = mock(ProjectPis.class);
    final TokenRegistry registry = mock(TokenRegistry.class);
    final TokenLifecycles lifecycles = mock(TokenLifecycles.class);
    final Notifier notifier = mock(Notifier.class);
    final AuditTrail auditTrail = mock(AuditTrail.class);
    final TaskService tasks = mock(TaskService.class);
    final RecentUse recentUse = mock(RecentUse.class);
    final AccessReviews reviews = new AccessReviews(projectPis, registry, lifecycles, notifier, auditTrail, tasks,
            new AccessReviewProperties("0 0 7 1 1,4,7,10 ?", Duration.ofDays(14), Duration.ofDays(7)),
            Clock.fixed(NOW, ZoneOffset.UTC), recentUse);

    final IssuedToken bobs = token("t-bob", "bob", RedcapEnvironment.PROD, 101, TokenState.ACTIVE, null);
    final IssuedToken alices = token("t-alice", "alice", RedcapEnvironment.PROD, 101, TokenState.SUSPENDED,
            Instant.parse("2026-03-20T10:00:00Z"));

    @BeforeEach
    void registry() {
        // The registry's query picks the project's live tokens (AccessReviewIT runs it on PostgreSQL).
        when(registry.liveTokensOn(RedcapEnvironment.PROD, 101)).thenReturn(List.of(bobs, alices));
        when(registry.liveToken(anyString(), any(), any(Long.class))).thenReturn(Optional.empty());
        when(registry.liveToken("bob", RedcapEnvironment.PROD, 101)).thenReturn(Optional.of(bobs));
        when(registry.liveToken("alice", RedcapEnvironment.PROD, 101)).thenReturn(Optional.of(alices));
    }

    @Test
    void findListsTheProjectsLiveTokensByHolderWithIssueAndLastUse() {
        when(projectPis.of(RedcapEnvironment.PROD, 101)).thenReturn(List.of("pat"));

        AccessReviews.ProjectAccess access = reviews.find(PROD_101);

        assertThat(access.pis()).containsExactly("pat");
        assertThat(access.holders()).containsExactly("alice", "bob");
        assertThat(access.holdersText()).isEqualTo("""
                alice: token issued 2026-01-02, last used 2026-03-20 (suspended)
                bob: token issued 2026-01-02, never used""");
    }

    @Test
    void theReviewShowsEachLiveTokensLastNinetyDaysByHolder() {
        when(recentUse.of(alices)).thenReturn(new RecentUse.Evidence("4 API calls", "2026-03-20 POLLING (confirmed): 1 call every 5 s"));
        when(recentUse.of(bobs)).thenReturn(new RecentUse.Evidence("No API call logged", "No fair-use finding in the last 90 days."));

        assertThat(reviews.recentUse(PROD_101)).isEqualTo("""
                alice: 4 API calls
                Fair-use findings: 2026-03-20 POLLING (confirmed): 1 call every 5 s

                bob: No API call logged
                Fair-use findings: No fair-use finding in the last 90 days.""");
        when(registry.liveTokensOn(RedcapEnvironment.PROD, 101)).thenReturn(List.of());
        assertThat(reviews.recentUse(PROD_101)).isEqualTo("Nobody holds a live API token on this project any more.");
    }

    @Test
    void applyRevokesTheNamedHoldersTokenForLeavingTheProjectAndAuditsEveryDecision() {
        reviews.apply(PROD_101, new AccessReviewAnswer(List.of("bob"), List.of("alice")), "pat");

        verify(lifecycles).revoke("t-bob", RevocationReason.LEFT_PROJECT, "pat");
        verify(lifecycles, never()).revoke(eq("t-alice"), any(), any());
        verify(auditTrail).record("pat", AuditAction.ACCESS_REVIEW_DECIDED, "req-t-alice", "t-alice", "PROD:101: keep alice");
        verify(auditTrail).record("pat", AuditAction.ACCESS_REVIEW_DECIDED, "req-t-bob", "t-bob",
                "PROD:101: revoke bob (LEFT_PROJECT)");
    }

    @Test
    void aHolderWhoseTokenEndedMeanwhileIsRecordedNotRevokedAgain() {
        reviews.apply(PROD_101, new AccessReviewAnswer(List.of("carol"), List.of()), "pat");

        verify(lifecycles, never()).revoke(any(), any(), any());
        verify(auditTrail).record("pat", AuditAction.ACCESS_REVIEW_DECIDED, null, null,
                "PROD:101: revoke carol: no live token any more");
    }

    @Test
    void theRequestGoesToThePisOrToTheAdministratorsWhenThereAreNone() {
        reviews.requested(PROD_101, List.of("pat", "rita"), List.of("alice", "bob"));
        reviews.requested(PROD_101, List.of(), List.of("alice"));

        ArgumentCaptor<Notification> sent = ArgumentCaptor.forClass(Notification.class);
        verify(notifier, times(2)).send(sent.capture());
        assertThat(sent.getAllValues().get(0).usernames()).containsExactly("pat", "rita");
        assertThat(sent.getAllValues().get(0).kind()).isEqualTo(MailKind.ACCESS_REVIEW_REQUESTED);
        assertThat(sent.getAllValues().get(0).model()).containsEntry("environment", "PROD").containsEntry("project", 101L)
                .containsEntry("due", "2026-04-15").containsEntry("holders", List.of("alice", "bob"))
                .containsEntry("pis", List.of("pat", "rita"));
        assertThat(sent.getAllValues().get(1).groups()).containsExactly("redcap-admins");
        assertThat(sent.getAllValues().get(1).model()).as("the mail tells the administrators the review is theirs")
                .containsEntry("pis", List.of());
        verify(auditTrail).record(AuditTrail.SYSTEM_ACTOR, AuditAction.ACCESS_REVIEW_REQUESTED, null, null,
                "PROD:101: asked pat, rita; holders alice, bob; due 2026-04-15");
    }

    @Test
    void theReminderGoesToThePis() {
        reviews.remind(PROD_101, List.of("pat"), "task-1");

        ArgumentCaptor<Notification> sent = ArgumentCaptor.forClass(Notification.class);
        verify(notifier).send(sent.capture());
        assertThat(sent.getValue().usernames()).containsExactly("pat");
        assertThat(sent.getValue().taskId()).as("links to the review task").isEqualTo("task-1");
        verify(auditTrail).record(AuditTrail.SYSTEM_ACTOR, AuditAction.ACCESS_REVIEW_REMINDED, null, null,
                "PROD:101: reminded pat");
    }

    @Test
    void theEscalationOpensTheTaskToTheAdministratorsAndTellsThem() {
        reviews.escalate(PROD_101, List.of("pat"), "task-1");

        verify(tasks).addCandidateGroup("task-1", "redcap-admins");
        ArgumentCaptor<Notification> sent = ArgumentCaptor.forClass(Notification.class);
        verify(notifier).send(sent.capture());
        assertThat(sent.getValue().groups()).containsExactly("redcap-admins");
        assertThat(sent.getValue().kind()).isEqualTo(MailKind.ACCESS_REVIEW_ESCALATED);
        assertThat(sent.getValue().model()).containsEntry("pis", List.of("pat"));
        assertThat(sent.getValue().taskId()).as("links to the review task").isEqualTo("task-1");
        verify(auditTrail).record(eq(AuditTrail.SYSTEM_ACTOR), eq(AuditAction.ACCESS_REVIEW_ESCALATED), eq(null),
                eq(null), eq("PROD:101: unanswered 21 days after it was asked, task given to redcap-admins"));
    }

    @Test
    void aReviewThatWasTheAdministratorsFromTheStartIsNotHandedToThemTwice() {
        IdentityLink admins = mock(IdentityLink.class);
        when(admins.getGroupId()).thenReturn("redcap-admins");
        when(tasks.getIdentityLinksForTask("task-1")).thenReturn(List.of(admins));

        reviews.escalate(PROD_101, List.of(), "task-1");

        verify(tasks, never()).addCandidateGroup(any(), any());
        verify(notifier).send(any());
    }

    private static IssuedToken token(String id, String holder, RedcapEnvironment environment, long projectId,
            TokenState state, Instant lastUsedAt) {
        Instant issued = Instant.parse("2026-01-02T12:00:00Z");
        return new IssuedToken(id, "req-" + id, holder, environment, projectId, true, false, false, state, issued,
                issued.plus(Duration.ofDays(365)), lastUsedAt, null, null, null, 1L);
    }
}
