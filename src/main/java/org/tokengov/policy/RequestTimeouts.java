package org.tokengov.policy;

import org.springframework.stereotype.Component;

/** The request pipeline's timer expressions, as ISO 8601 strings for the BPMN ({@code ${requestTimeouts.…}}). */
@Component("requestTimeouts")
public class RequestTimeouts {

    private final PolicyProperties policy;
    private final PiConsentProperties piConsent;

    public RequestTimeouts(PolicyProperties policy, PiConsentProperties piConsent) {
        this.policy = policy;
        this.piConsent = piConsent;
    }

    public String getPiConsentRecheckCycle() {
        return "R/" + piConsent.recheckInterval();
    }

    public String getPiApprovalReminderCycle() {
        return "R/" + piConsent.reminderInterval();
    }

    public String getPiApprovalDeadline() {
        return piConsent.deadline().toString();
    }

    public String getSponsorshipReminderCycle() {
        return "R/" + policy.sponsorshipReminderInterval();
    }

    public String getSponsorshipDeadline() {
        return policy.sponsorshipDeadline().toString();
    }

    public String getQaTestingReminderCycle() {
        return "R/" + policy.qaTestingReminderInterval();
    }

    public String getQaTestingDeadline() {
        return policy.qaTestingDeadline().toString();
    }

    public String getReviewReminderCycle() {
        return "R/" + policy.reviewReminderInterval();
    }

    public String getReviewDeadline() {
        return policy.reviewDeadline().toString();
    }

    public String getApprovalReminderCycle() {
        return "R/" + policy.approvalReminderInterval();
    }

    public String getApprovalDeadline() {
        return policy.approvalDeadline().toString();
    }
}
