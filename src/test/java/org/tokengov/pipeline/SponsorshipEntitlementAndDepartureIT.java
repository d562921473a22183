package org.tokengov.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.identity.CamundaIdentityDirectory;
import org.tokengov.issuance.TokenEntitlements;
import org.tokengov.offboarding.DepartedHolderWatch;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.RequestStatus;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenRequests;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.PipelineDriver;
import org.tokengov.testsupport.RealServers;

/**
 * External requesters and their sponsors, entitlement groups, and departures noticed in the identity store,
 * on the embedded identity (Camunda's own store) with the real servers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = RealServers.class)
class SponsorshipEntitlementAndDepartureIT {

    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired TokenRegistry registry;
    @Autowired TokenRequests requests;
    @Autowired TokenEntitlements entitlements;
    @Autowired DepartedHolderWatch departures;
    @Autowired JdbcTemplate jdbc;

    PipelineDriver pipeline;

    @BeforeEach
    void driver() {
        pipeline = new PipelineDriver(runtime, tasks, identity, management);
    }

    @AfterEach
    void reenable() {
        identity.deleteUserInfo("erin", CamundaIdentityDirectory.DISABLED_INFO);
        identity.clearAuthentication();
    }

    @Test
    void sponsoredExternalGetsTheQaTokenAfterTheSponsorConfirmsAndJoinsTheEntitlementGroup() {
        ProcessInstance request = pipeline.submitRequest("erin");
        Jobs.runDue(management);

        Task confirmation = tasks.createTaskQuery().processInstanceId(request.getId()).singleResult();
        assertThat(confirmation.getTaskDefinitionKey()).isEqualTo("Task_ConfirmSponsorship");
        assertThat(confirmation.getAssignee()).isEqualTo("pat");
        assertThat(registry.ofRequest(request.getId())).as("no token before the sponsor confirms").isEmpty();
        pipeline.complete("pat", List.of("project-pis"), confirmation, Map.of("sponsorshipConfirmed", true));
        Jobs.runDue(management);

        assertThat(registry.ofRequest(request.getId())).singleElement()
                .satisfies(token -> assertThat(token.environment()).isEqualTo(RedcapEnvironment.QA));
        assertThat(inGroup("erin", "redcap-api-qa")).isTrue();
        assertThat(inGroup("erin", "redcap-api-prod")).isFalse();
    }

    @Test
    void externalWithoutSponsorIsRefused() {
        ProcessInstance request = pipeline.submitRequest("eve");
        Jobs.runDue(management);

        assertThat(requests.find(request.getId())).get().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RequestStatus.INELIGIBLE);
            assertThat(r.outcomeReason()).contains("'eve' is an external user without a sponsor");
        });
    }

    @Test
    void theEntitlementGoesWithTheLastLiveTokenOfTheEnvironment() {
        ProcessInstance request = pipeline.requestUntilQaToken("erin");
        assertThat(inGroup("erin", "redcap-api-qa")).isTrue();

        for (IssuedToken token : registry.ofHolder("erin")) {
            registry.markRevoked(token.id(), "NO_LONGER_NEEDED");
        }
        entitlements.withdrawIfLastToken("erin", RedcapEnvironment.QA, request.getId());

        assertThat(inGroup("erin", "redcap-api-qa")).isFalse();
    }

    @Test
    void aDisabledHolderIsReportedForOffboardingOnce() {
        ProcessInstance request = pipeline.requestUntilQaToken("erin");
        int before = offboardingEventsOf("erin");

        departures.checkNow();
        assertThat(offboardingEventsOf("erin")).as("an active holder is left alone").isEqualTo(before);

        identity.setUserInfo("erin", CamundaIdentityDirectory.DISABLED_INFO, "true");
        departures.checkNow();
        departures.checkNow();

        assertThat(offboardingEventsOf("erin")).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = ? and details like ?", Integer.class,
                AuditAction.OFFBOARDING_TRIGGERED.name(), "erin (IDENTITY_STORE, person.terminated, effective %): account disabled%")).isGreaterThanOrEqualTo(1);
    }

    private int offboardingEventsOf(String username) {
        return jdbc.queryForObject("select count(*) from offboarding_event where username = ?", Integer.class, username);
    }

    private boolean inGroup(String username, String group) {
        return identity.createGroupQuery().groupId(group).groupMember(username).count() > 0;
    }
}
