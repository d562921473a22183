package org.tokengov.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Entitlement groups in Camunda's own identity store (the embedded default); missing groups are created. */
@Component
@Profile("!keycloak")
class CamundaEntitlements implements Entitlements {

    private final IdentityService identityService;

    CamundaEntitlements(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void grant(String username, String group) {
        CamundaIdentityDirectory.systemRead(() -> {
            if (identityService.createGroupQuery().groupId(group).count() == 0) {
                Group entitlement = identityService.newGroup(group);
                entitlement.setName(group);
                entitlement.setType("ENTITLEMENT");
                identityService.saveGroup(entitlement);
            }
            if (!holds(username, group)) {
                identityService.createMembership(username, group);
            }
            return null;
        });
    }

    @Override
    public void revoke(String username, String group) {
        CamundaIdentityDirectory.systemRead(() -> {
            if (holds(username, group)) {
                identityService.deleteMembership(username, group);
            }
            return null;
        });
    }

    @Override
    public boolean holds(String username, String group) {
        return CamundaIdentityDirectory.systemRead(() ->
                identityService.createGroupQuery().groupId(group).groupMember(username).count() > 0);
    }
}
