package org.tokengov.identity;

import java.util.Collection;
import java.util.Set;

/**
 * Who counts as a REDCap administrator for what the app shows and allows: members of {@code redcap-admins}, and of
 * Camunda's {@code camunda-admin}, who administer the system anyway.
 */
public final class RedcapAdministrators {

    public static final Set<String> GROUPS = Set.of(ContractGroups.ADMINS, ContractGroups.CAMUNDA_ADMINS);

    private RedcapAdministrators() {
    }

    public static boolean includeAnyOf(Collection<String> groupIds) {
        return groupIds != null && groupIds.stream().anyMatch(GROUPS::contains);
    }
}
