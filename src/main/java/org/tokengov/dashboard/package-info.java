/**
 * The token dashboard for people, at {@code /dashboard}: tokens by state and environment, expiries, unused and
 * suspended tokens, open requests with the step each waits at, offboardings with their time to full revocation, a
 * filtered token list with a CSV export, small server-rendered SVG charts, and fair use: the top API users, calls by
 * hour of the week with the peak hours marked, open findings and misuse cases, and each live token's declared use
 * next to its observed use (read from {@code usage}'s counts and findings and {@code fairuse}'s case table). Beside it, the leak scan's page for
 * people ({@code /leaks/scan}, an upload or a paste, linked from the code review). Both sit behind the same login as
 * Tasklist (Camunda's webapp session, or Keycloak's OIDC login with the {@code keycloak} profile).
 * REDCap administrators see everything; everyone else only their own tokens and requests. It shows what the registry
 * holds, never a token value (and not the fingerprint either, which nobody reading a dashboard needs).
 */
package org.tokengov.dashboard;
