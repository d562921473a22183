/**
 * Scheduled work that runs on one replica at a time: a lease per piece of work in the app's database, taken with one
 * conditional statement, skipped by the replicas that do not get it. Imports no process package.
 */
package org.tokengov.clusterlock;
