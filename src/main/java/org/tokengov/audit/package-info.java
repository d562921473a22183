/**
 * The append-only audit trail: every decision with who, what, when, why and the request or token it
 * concerns. Kept by the app itself (6 years), independent of Camunda's history clean-up; on PostgreSQL
 * a trigger refuses updates and deletes. Imports no process package.
 */
package org.tokengov.audit;
