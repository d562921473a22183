/**
 * Upgrades: processes outlive deployments. At every start, instances still running on an earlier version of a diagram
 * are migrated to the latest one (Camunda's migration API), the request ledger is rebuilt from the audit trail for the
 * cases that began before it existed (entries marked backfilled), and reviews and approvals waiting from before are
 * offered anew to the people who may give them.
 */
package org.tokengov.upgrade;
