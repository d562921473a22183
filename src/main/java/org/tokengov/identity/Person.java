package org.tokengov.identity;

/** A person (or account) known to the identity store. */
public record Person(String username, String email, String displayName, boolean active, boolean markedServiceAccount) {
}
