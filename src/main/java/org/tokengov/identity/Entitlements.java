package org.tokengov.identity;

/**
 * Group memberships that mirror who holds an API token in an environment (e.g. {@code redcap-api-prod}), so
 * other systems can see it in the identity store. Both calls are idempotent.
 */
public interface Entitlements {

    void grant(String username, String group);

    void revoke(String username, String group);

    boolean holds(String username, String group);
}
