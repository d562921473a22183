/**
 * The token registry: every request and every issued token (holder, environment, project, rights,
 * state, dates, SHA-256 fingerprint; never the token itself), and permanent bans. Imports no process package.
 */
package org.tokengov.registry;
