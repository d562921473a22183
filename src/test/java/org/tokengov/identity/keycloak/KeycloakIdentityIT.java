package org.tokengov.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.identity.PeopleDirectory;
import org.tokengov.identity.Person;
import org.tokengov.issuance.TokenEntitlements;
import org.tokengov.offboarding.DepartedHolderWatch;
import org.tokengov.offboarding.OffboardingEvent;
import org.tokengov.offboarding.OffboardingEvents;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.RequestStatus;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenRequests;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.PipelineDriver;
import org.tokengov.testsupport.RealServersWithKeycloak;

/** The identity port against a real Keycloak: look-ups, eligibility, entitlements, departures and outages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = RealServersWithKeycloak.class)
@ActiveProfiles({"embedded", "keycloak"})
class KeycloakIdentityIT {

    @Autowired PeopleDirectory people;
    @Autowired RealmResource realm;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired TokenRegistry registry;
    @Autowired TokenRequests requests;
    @Autowired TokenEntitlements entitlements;
    @Autowired DepartedHolderWatch departures;
    @Autowired JdbcTemplate jdbc;
    @Autowired OffboardingEvents offboardings;

    PipelineDriver pipeline;

    @BeforeEach
    void driver() {
        pipeline = new PipelineDriver(runtime, tasks, identity, management);
    }

    @AfterEach
    void restore() {
        RealServersWithKeycloak.KEYCLOAK_LINK.up();
        setEnabled("erin", true);
    }

    @Test
    void peopleComeFromKeycloakWithTheirFlags() {
        assertThat(people.find("erin")).get().satisfies(erin -> {
            assertThat(erin.external()).isTrue();
            assertThat(erin.sponsor()).isEqualTo("pat");
            assertThat(erin.email()).isEqualTo("erin@example.org");
            assertThat(erin.active()).isTrue();
        });
        assertThat(people.find("svc_etl")).get().extracting(Person::markedServiceAccount).isEqualTo(true);
        assertThat(people.find("service-account-etl-bot")).get().extracting(Person::markedServiceAccount).isEqualTo(true);
        assertThat(people.find("alice")).get().extracting(Person::markedServiceAccount, Person::external)
                .containsExactly(false, false);
        assertThat(people.find("nobody-by-that-name")).isEmpty();
        assertThat(people.membersOf("api-specialists")).extracting(Person::username).containsExactlyInAnyOrder("sam", "rita");
        assertThat(people.sponsoredBy("pat")).extracting(Person::username).containsExactly("erin");
    }

    @Test
    void eligibilityRefusesServiceAccountsAndUnsponsoredExternals() {
        ProcessInstance serviceAccount = pipeline.submitRequest("svc_etl");
        ProcessInstance unsponsored = pipeline.submitRequest("eve");
        Jobs.runDue(management);

        assertThat(requests.find(serviceAccount.getId())).get().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RequestStatus.INELIGIBLE);
            assertThat(r.outcomeReason()).contains("'svc_etl' is a service account");
        });
        assertThat(requests.find(unsponsored.getId())).get().extracting(r -> r.outcomeReason()).asString()
                .contains("'eve' is an external user without a sponsor");
    }

    @Test
    void theSponsorConfirmsAndTheEntitlementGroupFollowsTheTokens() {
        ProcessInstance request = pipeline.requestUntilQaToken("erin");

        assertThat(keycloakGroupsOf("erin")).contains("redcap-api-qa").doesNotContain("redcap-api-prod");
        for (IssuedToken token : registry.ofHolder("erin")) {
            registry.markRevoked(token.id(), "NO_LONGER_NEEDED");
        }
        entitlements.withdrawIfLastToken("erin", RedcapEnvironment.QA, request.getId());
        assertThat(keycloakGroupsOf("erin")).doesNotContain("redcap-api-qa");
    }

    @Test
    void aHolderDisabledInKeycloakIsReportedForOffboarding() {
        pipeline.requestUntilQaToken("erin");
        int before = jdbc.queryForObject("select count(*) from offboarding_event where username = 'erin'", Integer.class);

        setEnabled("erin", false);
        departures.checkNow();
        departures.checkNow();

        assertThat(jdbc.queryForObject("select count(*) from offboarding_event where username = 'erin'", Integer.class))
                .isEqualTo(before + 1);
        // A person reported gone may request again only after HR reports them back (other tests request as erin).
        offboardings.record("erin", "HR", "back after a mistaken deactivation", OffboardingEvent.REHIRED, null, null);
        Jobs.runDue(management);
    }

    @Test
    void fourEyesHoldForKeycloakUsers() {
        ProcessInstance request = pipeline.submitRequest("rita");
        Jobs.runDue(management);
        List<String> ritasGroups = identity.createGroupQuery().groupMember("rita").list().stream()
                .map(group -> group.getId()).toList();
        assertThat(ritasGroups).as("groups come from Keycloak").contains("api-requesters", "api-specialists", "redcap-admins");
        identity.setAuthentication("rita", ritasGroups);
        try {
            tasks.complete(tasks.createTaskQuery().processInstanceId(request.getId()).singleResult().getId(), Map.of(
                    "codeRepositoryUrl", "https://git.example.org/rita/export", "codeCommit", "abc1234",
                    "testSummary", "Exported in QA for a week, 10 calls a night."));
            assertThat(tasks.createTaskQuery().processInstanceId(request.getId()).count())
                    .as("the review of her own request is not offered to rita, a specialist in Keycloak").isZero();
        } finally {
            identity.clearAuthentication();
        }
        Jobs.enter(management, request.getId(), "Task_ReviewCode");
        Task review = tasks.createTaskQuery().processInstanceId(request.getId()).singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewCode");
        assertThat(tasks.getIdentityLinksForTask(review.getId())).extracting(link -> link.getUserId())
                .as("the specialists in Keycloak but rita").contains("sam").doesNotContain("rita");
        identity.setAuthentication("rita", ritasGroups);
        try {
            assertThat(tasks.createTaskQuery().processInstanceId(request.getId()).count())
                    .as("the review of her own request is not offered to rita, a specialist in Keycloak").isZero();
            assertThatThrownBy(() -> tasks.claim(review.getId(), "rita"))
                    .as("not offered to her, so not hers to claim").isInstanceOf(AuthorizationException.class);
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void keycloakDownMeansRetriesAndAnIncidentNotAFailedForm() {
        RealServersWithKeycloak.KEYCLOAK_LINK.down();
        ProcessInstance request = pipeline.submitRequest("alice");

        Job eligibility = management.createJobQuery().processInstanceId(request.getId()).singleResult();
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                management.executeJob(eligibility.getId());
            } catch (RuntimeException expected) {
                // Keycloak cannot be reached
            }
        }
        List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(request.getId()).list();
        assertThat(incidents).singleElement().extracting(Incident::getActivityId).isEqualTo("Task_CheckEligibility");

        RealServersWithKeycloak.KEYCLOAK_LINK.up();
        management.setJobRetries(eligibility.getId(), 1);
        management.executeJob(eligibility.getId());
        Jobs.runDue(management);
        assertThat(tasks.createTaskQuery().processInstanceId(request.getId()).singleResult().getTaskDefinitionKey())
                .isEqualTo("Task_DevelopAndTestInQa");
    }

    private List<String> keycloakGroupsOf(String username) {
        return user(username).groups().stream().map(g -> g.getName()).toList();
    }

    private void setEnabled(String username, boolean enabled) {
        UserResource user = user(username);
        UserRepresentation representation = user.toRepresentation();
        representation.setEnabled(enabled);
        user.update(representation);
    }

    private UserResource user(String username) {
        String id = realm.users().searchByUsername(username, true).get(0).getId();
        return realm.users().get(id);
    }
}
