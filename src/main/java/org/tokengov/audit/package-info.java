/**
 * The append-only audit trail: every decision with who, what, when, why and the request or token it
 * concerns. Kept by the app itself (6 years), independent of Camunda's history clean-up; on PostgreSQL
 * a trigger refuses updates and deletes. Each entry carries a keyed MAC and a sealer chains the entries, so
 * that what a DBA changes, deletes or inserts behind the trigger's back is found ({@link AuditChain}).
 * Imports no process package.
 */
package org.tokengov.audit;
