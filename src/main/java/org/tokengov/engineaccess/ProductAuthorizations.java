package org.tokengov.engineaccess;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.tokengov.identity.ContractGroups.ADMINS;
import static org.tokengov.identity.ContractGroups.CAMUNDA_ADMINS;
import static org.tokengov.identity.ContractGroups.PIS;
import static org.tokengov.identity.ContractGroups.REQUESTERS;
import static org.tokengov.identity.ContractGroups.SPECIALISTS;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The Camunda authorizations the product needs, granted to the contract's groups at every start in every profile
 * (the groups may live in Camunda's identity store or in Keycloak; authorizations are in the engine's database).
 * Only what the work needs:
 * <ul>
 * <li>everyone in a contract group: Tasklist, and reading process definitions (their forms and diagrams);</li>
 * <li>{@code api-requesters}: starting {@code TokenRequestProcess} (and creating its process instance);</li>
 * <li>{@code api-requesters}, {@code project-pis} and {@code redcap-admins}: starting {@code TokenReportProcess}, the
 * start form {@code token-report} (who may report what about which token is decided when it is filed);</li>
 * <li>{@code redcap-admins}: Cockpit, starting {@code OffboardingProcess} with the admin start form, and starting the
 * processes a timer starts on demand ({@code ReconciliationProcess}, {@code FairUseMonitorProcess},
 * {@code InactivitySweepProcess}, {@code PolicyAttestationProcess}), through REST or the dashboard: Tasklist's start
 * list does not offer them ({@code isStartableInTasklist="false"});</li>
 * <li>{@code camunda-admin}: everything.</li>
 * </ul>
 * Steps are worked under the permissions the engine gives their assignees and candidates ({@code TASK_WORK}, see
 * application.yml), the Tasklist filters come from {@code tasklist}. Idempotent: a grant that is there is left alone.
 */
@Component
class ProductAuthorizations implements ApplicationRunner {

    static final String REQUEST_PROCESS = "TokenRequestProcess";
    static final String OFFBOARDING_PROCESS = "OffboardingProcess";
    static final String RECONCILIATION_PROCESS = "ReconciliationProcess";
    static final String FAIR_USE_MONITOR_PROCESS = "FairUseMonitorProcess";
    static final String INACTIVITY_SWEEP_PROCESS = "InactivitySweepProcess";
    static final String ATTESTATION_PROCESS = "PolicyAttestationProcess";
    static final String TOKEN_REPORT_PROCESS = "TokenReportProcess";

    private final AuthorizationService authorizations;

    ProductAuthorizations(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Resource resource : Resources.values()) {
            grant(CAMUNDA_ADMINS, resource, Authorization.ANY, Permissions.ALL);
        }
        for (String group : List.of(REQUESTERS, SPECIALISTS, ADMINS, PIS)) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
        }
        grant(REQUESTERS, Resources.PROCESS_DEFINITION, REQUEST_PROCESS, Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(REQUESTERS, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        // Holders, PIs and administrators report about a token from Tasklist as well as from the dashboard.
        for (String group : List.of(REQUESTERS, PIS, ADMINS)) {
            grant(group, Resources.PROCESS_DEFINITION, TOKEN_REPORT_PROCESS, Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
        }
        grant(PIS, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        // Administrators report departures that reach them outside HR's systems, and watch for incidents.
        grant(ADMINS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(ADMINS, Resources.PROCESS_DEFINITION, OFFBOARDING_PROCESS, Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
        // Administrators reconcile with REDCap when they know it changed, without waiting for the timer.
        grant(ADMINS, Resources.PROCESS_DEFINITION, RECONCILIATION_PROCESS, Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
        // ... and evaluate fair use after they changed its thresholds or heard of a problem.
        grant(ADMINS, Resources.PROCESS_DEFINITION, FAIR_USE_MONITOR_PROCESS, Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
        // ... and sweep for unused tokens or open an attestation campaign when they need it before the timer.
        grant(ADMINS, Resources.PROCESS_DEFINITION, INACTIVITY_SWEEP_PROCESS, Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(ADMINS, Resources.PROCESS_DEFINITION, ATTESTATION_PROCESS, Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(ADMINS, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    }

    /**
     * Adds the permissions to the group's grant for the resource, creating it if there is none yet; writes nothing
     * when they are all there.
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
