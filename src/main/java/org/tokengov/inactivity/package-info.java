/**
 * Automatic revocation of unused tokens ({@code InactivitySweepProcess}): a daily sweep reads each live token's
 * last API use from REDCap's log in budget-sized batches, records it in the registry, warns the holder once per
 * inactivity period before the policy's six months, and revokes the token (reason INACTIVITY) through its
 * lifecycle process once six months have passed without use. Owns the {@code inactivity_warning} table.
 */
package org.tokengov.inactivity;
