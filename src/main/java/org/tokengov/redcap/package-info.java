/**
 * The REDCap port: our verbs for REDCap's API (over HTTP, within a client-side rate budget per server)
 * and for token administration (SQL on REDCap's schema, or a manual Control Center step).
 * Imports no process package. The token value never leaves this package; callers see fingerprints.
 */
package org.tokengov.redcap;
