/**
 * The PIs' periodic access review ({@code AccessReviewProcess}): on a schedule (quarterly by default), every
 * project (environment and REDCap project id) with a live token gets one review task for its PIs, the project
 * users with User Rights in REDCap (REDCap administrators when it has none). The task lists everyone holding a
 * live token on the project; the PI keeps or revokes each (revoked through the token lifecycle with reason
 * LEFT_PROJECT), and every decision goes to the audit trail. An unanswered review is reminded, then escalated to
 * the REDCap administrators; it is never answered by default. Owns no table: the review lives in the process.
 */
package org.tokengov.accessreview;
