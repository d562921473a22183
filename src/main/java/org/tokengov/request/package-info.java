/**
 * The request-to-production pipeline ({@code TokenRequestProcess}): validating the survey, eligibility,
 * QA testing (completed only once REDCap's log shows the QA token used: {@code tokengov.request.require-qa-use}),
 * code review (with that use next to the declared schedule), release approval, four eyes, reminders and time-outs.
 * Token creation itself is the issuance capability's business.
 */
package org.tokengov.request;
