package org.tokengov.redcapsim;

/** A row of {@code redcap_user_roles}: a named set of rights on one project that its members get instead of theirs. */
record UserRole(int roleId, int projectId, String roleName, String uniqueRoleName, Rights rights) {
}
