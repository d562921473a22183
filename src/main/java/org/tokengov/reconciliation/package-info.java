/**
 * Reconciliation: REDCap is the truth and the registry its mirror. {@code ReconciliationProcess} compares what REDCap
 * holds (read from its database in the {@code database} mode) with the registry, acts on every difference and audits
 * it: tokens made behind the system's back become {@code FOUND} and go to an administrator
 * ({@code FoundTokenProcess}: adopt or revoke), or are revoked at once when their holder may hold none; values changed
 * outside are recorded; tokens revoked here but working there are revoked again; tokens gone from REDCap are recorded
 * as gone. The first reconciliation of a project onboards its existing tokens instead.
 */
package org.tokengov.reconciliation;
