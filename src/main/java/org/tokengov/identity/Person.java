package org.tokengov.identity;

/**
 * A person (or account) known to the identity store. An external person needs an internal sponsor
 * ({@code sponsor} holds the sponsor's username, if any).
 */
public record Person(
        String username,
        String email,
        String displayName,
        boolean active,
        boolean markedServiceAccount,
        boolean external,
        String sponsor) {
}
