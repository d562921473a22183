/**
 * Work that runs on one replica at a time: scheduled work holds a lease per piece of work in the app's database, taken
 * with one conditional statement, skipped by the replicas that do not get it; start-up work waits its turn behind a
 * PostgreSQL advisory lock. Imports no process package.
 */
package org.tokengov.clusterlock;
