package org.tokengov.engineaccess;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Camunda's administrators, as the engine itself counts them: members of its admin groups ({@code camunda-admin}
 * and any configured) and its admin users. They pass the access checks unrestricted.
 */
final class Administrators {

    private final ProcessEngineConfigurationImpl engine;

    Administrators(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    boolean include(Authentication caller) {
        if (caller == null || caller.getUserId() == null) {
            return false;
        }
        List<String> users = engine.getAdminUsers();
        List<String> groups = engine.getAdminGroups();
        return users != null && users.contains(caller.getUserId())
                || groups != null && caller.getGroupIds() != null && caller.getGroupIds().stream().anyMatch(groups::contains);
    }
}
