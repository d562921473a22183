/**
 * Offboarding: people who leave the organisation or a project lose their API tokens at once. Owns the intake (the
 * signed HR webhook, SCIM 2.0 with the users SCIM clients create here, only recorded, disabled or deleted accounts in
 * the identity store, an administrator's start form, a PI's report), the log of offboarding events with their
 * effective dates and outcomes, and {@code OffboardingProcess}, which makes REDCap refuse every token in scope at
 * once, then revokes each and keeps the evidence of when; and the mass-termination guard
 * ({@code TerminationWaveProcess}), which holds the departures of a wave reversibly until a REDCap administrator
 * confirms or rejects it.
 */
package org.tokengov.offboarding;
