/**
 * The Control Center worklist: what only a REDCap administrator can do by hand in REDCap, in the manual mode, where
 * REDCap's API cannot delete a token and cannot change a member of a user role. One worklist per wave and environment
 * ({@code ControlCenterWorklistProcess}, one task for {@code redcap-admins}); its lines are ticked off from REDCap's
 * log ({@link org.tokengov.redcaplog.RedcapTokenEvents}), or by an administrator whose tick the system checks against
 * that log. Owns the worklist's tables, the confirmation of pending revocations and the event that announces one.
 * Imports no other process package: the lifecycle and the offboarding use it.
 */
package org.tokengov.controlcenter;
