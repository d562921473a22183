/**
 * The sponsor cascade: an external user needs an active internal sponsor. When a sponsor leaves, each external they
 * sponsored who holds a live token gets a {@code SponsorReplacementProcess} (business key = offboarding event id +
 * ":" + external): the external's tokens are held (API rights off, state SUSPENDED), the PIs of their projects (and
 * the REDCap administrators) name a new sponsor in Tasklist, who is recorded in the identity store before the tokens
 * are released; without one by the deadline the tokens are revoked (SPONSOR_LEFT) through their lifecycles.
 */
package org.tokengov.sponsorship;
