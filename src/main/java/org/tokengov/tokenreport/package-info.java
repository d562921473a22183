/**
 * What people report about one of their tokens, wherever they report it: the REST API ({@code /api/tokens/{id}/…}),
 * the dashboard's confirmation pages and Tasklist's start form {@code token-report} ({@code TokenReportProcess}) all
 * hand the report to {@link org.tokengov.tokenreport.TokenReportService}, which holds the one set of gates (holder, PI,
 * administrator, live token, a reason where one is needed) and passes the report on to the token's lifecycle or to
 * an offboarding.
 */
package org.tokengov.tokenreport;
