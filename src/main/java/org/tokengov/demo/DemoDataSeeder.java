package org.tokengov.demo;

import static org.tokengov.identity.ContractGroups.ADMINS;
import static org.tokengov.identity.ContractGroups.CAMUNDA_ADMINS;
import static org.tokengov.identity.ContractGroups.PIS;
import static org.tokengov.identity.ContractGroups.REQUESTERS;
import static org.tokengov.identity.ContractGroups.SPECIALISTS;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
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
 * Seeds the demo people of the design's contract into Camunda's identity store. What their groups may do comes
 * from {@code engineaccess.ProductAuthorizations} and the Tasklist filters from {@code tasklist}, in every profile.
 * Idempotent: what exists is left alone.
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
    private final DemoProperties properties;

    DemoDataSeeder(IdentityService identity, DemoProperties properties) {
        this.identity = identity;
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
}
