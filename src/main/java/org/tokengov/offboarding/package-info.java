/**
 * Offboarding: noticing that a token holder has left (their account disabled or deleted in the identity store)
 * and recording it once, then starting {@code OffboardingProcess} when that process is deployed. The HR intake
 * (webhook, SCIM) and the process itself arrive with the offboarding issue.
 */
package org.tokengov.offboarding;
