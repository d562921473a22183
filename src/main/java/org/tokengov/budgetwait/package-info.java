/**
 * A spent REDCap rate budget is a wait, not a failure, for every job of every process: a job that fails because the
 * budget had no permit soon enough ({@link org.tokengov.redcap.RateBudgetExhaustedException} anywhere in its causes)
 * is unlocked and due again in a later budget window, keeps its retries and raises no incident; it is logged as one
 * line, not a stack trace. Every other failure is retried and becomes an incident as Camunda does it. Imports no
 * process package.
 */
package org.tokengov.budgetwait;
