package org.tokengov.identity;

import java.util.function.Consumer;

/**
 * The identity store's own record of accounts disabled or deleted, read incrementally (Keycloak's admin events).
 * Where the store keeps no such record (Camunda's identity) there is no feed and only the poll of the holders notices
 * departures.
 */
public interface AccountDepartureFeed {

    /**
     * Hands each departure recorded since the last read to {@code handler}, in one transaction with remembering that
     * it was read, so that a departure is handed over once across restarts and replicas; if the handler throws,
     * nothing is remembered and the next read hands it over again.
     */
    void readNew(Consumer<AccountDeparture> handler);
}
