/**
 * Successors: before a leaver's leaving date the production project's PI (or a REDCap administrator) names who takes
 * over each of the leaver's production tokens. Owns the namings (who, for which token, the reviewed code copied from
 * the leaver's ledger, the leaving date) and hands them to the request pipeline, whose request then confirms the same
 * reviewed code instead of starting over. The leaver's token still ends on the leaving date, by offboarding.
 */
package org.tokengov.succession;
