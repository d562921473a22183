/**
 * What tokens do: API calls counted from REDCap's log per REDCap user, project and environment (a token's identity in
 * REDCap), by minute and by hour, with exports, imports and file downloads apart; and the fair-use findings recorded
 * about tokens. Filled by the one log reader ({@code redcaplog}), read by the fair-use rules, the tasks where people
 * decide, and the dashboard. Also the signed intake {@code POST /api/usage-events}, where a REDCap External Module or
 * reverse proxy reports calls with their parameters, kept as counts and flags only ({@code ReportedCalls}), so the
 * rules see filters REDCap's log does not show. Never holds a token value. Owns the tables
 * {@code api_usage_minute}, {@code api_usage_hour}, {@code api_usage_call} and {@code fair_use_finding}.
 */
package org.tokengov.usage;
