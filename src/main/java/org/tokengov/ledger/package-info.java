/**
 * The request ledger: the app's own record of every gate a token request passed (eligibility, sponsorship, QA,
 * each code review and release decision) and of the gates of a token's later cases (suspension, fix, reinstatement,
 * compromise, code change, a new sponsor), each with the authenticated user who passed it. Written only by the app's
 * listeners and delegates inside the engine's transaction; issuance and four eyes read it, never process variables.
 * A port at the bottom: it imports no process package.
 */
package org.tokengov.ledger;
