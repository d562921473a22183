package org.tokengov.demo;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.tokengov.identity.ContractGroups.ADMINS;
import static org.tokengov.identity.ContractGroups.CAMUNDA_ADMINS;
import static org.tokengov.identity.ContractGroups.PIS;
import static org.tokengov.identity.ContractGroups.REQUESTERS;
import static org.tokengov.identity.ContractGroups.SPECIALISTS;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.tokengov.identity.CamundaIdentityDirectory;

/**
 * Seeds the demo people of the design's contract into Camunda's identity store, with the authorizations they
 * need (the Tasklist filters come from {@code tasklist}, in every profile). Idempotent: what exists is left alone.
 */
@Component
@ConditionalOnProperty(prefix = "tokengov.demo", name = "enabled", havingValue = "true")
class DemoDataSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);


    private record DemoUser(String id, String firstName, String lastName, List<String> groups, Map<String, String> info) {
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("alice", "Alice", "Researcher", List.of(REQUESTERS), Map.of()),
            new DemoUser("bob", "Bob", "Programmer", List.of(REQUESTERS), Map.of()),
            new DemoUser("sam", "Sam", "Specialist", List.of(SPECIALISTS), Map.of()),
            new DemoUser("ada", "Ada", "Administrator", List.of(ADMINS, CAMUNDA_ADMINS), Map.of()),
            new DemoUser("pat", "Pat", "Investigator", List.of(PIS), Map.of()),
            new DemoUser("rita", "Rita", "Admin-Developer", List.of(REQUESTERS, SPECIALISTS, ADMINS), Map.of()),
            new DemoUser("carol", "Carol", "Former-Member", List.of(REQUESTERS), Map.of()),
            new DemoUser("svc_etl", "ETL", "Service Account", List.of(REQUESTERS),
                    Map.of(CamundaIdentityDirectory.SERVICE_ACCOUNT_INFO, "true")),
            new DemoUser("erin", "Erin", "External", List.of(REQUESTERS),
                    Map.of(CamundaIdentityDirectory.EXTERNAL_INFO, "true", CamundaIdentityDirectory.SPONSOR_INFO, "pat")),
            new DemoUser("eve", "Eve", "Unsponsored", List.of(REQUESTERS),
                    Map.of(CamundaIdentityDirectory.EXTERNAL_INFO, "true")));

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final DemoProperties properties;

    DemoDataSeeder(IdentityService identity, AuthorizationService authorizations, DemoProperties properties) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        // With Keycloak as the identity the people and groups live there; only Camunda's own store is seeded.
        if (!identity.isReadOnly()) {
            if (properties.password() == null || properties.password().isBlank()) {
                throw new IllegalStateException("tokengov.demo.password must be set when the demo data is enabled");
            }
            for (String group : List.of(REQUESTERS, SPECIALISTS, ADMINS, PIS, CAMUNDA_ADMINS)) {
                createGroup(group);
            }
            List<String> created = USERS.stream().filter(this::createUser).map(DemoUser::id).toList();
            if (!created.isEmpty()) {
                log.info("Demo users created: {} (password from tokengov.demo.password)", created);
            }
        }
        grantAccess();
    }

    private void createGroup(String id) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(id);
            group.setType(CAMUNDA_ADMINS.equals(id) ? "SYSTEM" : "WORKFLOW");
            identity.saveGroup(group);
        }
    }

    /** Creates the user unless they exist; returns whether it did. */
    private boolean createUser(DemoUser demo) {
        if (identity.createUserQuery().userId(demo.id()).count() > 0) {
            return false;
        }
        User user = identity.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@example.org");
        user.setPassword(properties.password());
        identity.saveUser(user);
        demo.groups().forEach(group -> identity.createMembership(demo.id(), group));
        demo.info().forEach((key, value) -> identity.setUserInfo(demo.id(), key, value));
        return true;
    }

    private void grantAccess() {
        for (Resource resource : Resources.values()) {
            grant(CAMUNDA_ADMINS, resource, Authorization.ANY, Permissions.ALL);
        }
        for (String group : List.of(REQUESTERS, SPECIALISTS, ADMINS, PIS)) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
        }
        grant(ADMINS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(REQUESTERS, Resources.PROCESS_DEFINITION, "TokenRequestProcess",
                Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(REQUESTERS, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        // Administrators report departures that reach them outside HR's systems.
        grant(ADMINS, Resources.PROCESS_DEFINITION, "OffboardingProcess",
                Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(ADMINS, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    }

    /**
     * Adds the permissions to the group's authorization for the resource, creating it if there is none yet; writes
     * nothing when they are all there (the seeder runs at every start).
     */
    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery().groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT).singleResult();
        if (authorization != null && Arrays.stream(permissions).allMatch(authorization::isPermissionGranted)) {
            return;
        }
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}
