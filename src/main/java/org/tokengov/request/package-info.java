/**
 * The request-to-production pipeline ({@code TokenRequestProcess}): validating the survey, eligibility,
 * QA testing, code review, release approval, four eyes, reminders and time-outs. Token creation itself is
 * the issuance capability's business.
 */
package org.tokengov.request;
