/**
 * The token registry: every request and every issued token (holder, environment, project, rights,
 * state, dates, SHA-256 fingerprint; never the token itself), permanent bans, and the per-person lock and
 * departure that issuance and offboarding share ({@link org.tokengov.registry.TokenHolders}). Imports no process package.
 */
package org.tokengov.registry;
