package org.tokengov.identity;

/** The group ids of the design's contract, the same in Camunda's identity store and in Keycloak. */
public final class ContractGroups {

    public static final String REQUESTERS = "api-requesters";
    public static final String SPECIALISTS = "api-specialists";
    public static final String ADMINS = "redcap-admins";
    public static final String PIS = "project-pis";
    /** Camunda's own administrators' group. */
    public static final String CAMUNDA_ADMINS = "camunda-admin";

    private ContractGroups() {
    }
}
