/**
 * Automatic revocation of unused tokens ({@code InactivitySweepProcess}): a daily sweep has the log reader
 * ({@code redcaplog}) catch up with REDCap's logs once, which records each live token's last API use in the registry,
 * then checks the tokens in batches, warns the holder once per
 * inactivity period before the policy's six months, and revokes the token (reason INACTIVITY) through its
 * lifecycle process once six months have passed without use. Owns the {@code inactivity_warning} table.
 */
package org.tokengov.inactivity;
