package org.tokengov.identity;

/**
 * An account the identity store reports disabled or deleted. {@code username} is null when the store's event does not
 * name the account (Keycloak's event for a deleted user carries only its internal id).
 */
public record AccountDeparture(String username, boolean deleted) {
}
