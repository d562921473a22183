/**
 * Upgrades: processes outlive deployments. At its start a node deploys the app's diagrams unless they are deployed
 * already, and registers with its deployment-aware job executor only the deployments it may run: a node of an older
 * release started while a newer one runs deploys nothing and never runs the newer diagrams' jobs (see
 * {@code RunnableDeployments}). Then instances still running on an earlier version of a diagram are migrated to the
 * latest one (Camunda's migration API), the request ledger is rebuilt from the audit trail for the cases that began
 * before it existed (entries marked backfilled), and reviews and approvals waiting from before are offered anew to the
 * people who may give them.
 */
package org.tokengov.upgrade;
