package org.tokengov.lifecycle;

import java.util.Date;
import org.springframework.stereotype.Component;
import org.tokengov.policy.PolicyProperties;

/** The lifecycle's timer dates, counted back from the token's expiry ({@code ${lifecycleTimes.…(expiresAt)}}). */
@Component("lifecycleTimes")
public class LifecycleTimes {

    private final PolicyProperties policy;

    public LifecycleTimes(PolicyProperties policy) {
        this.policy = policy;
    }

    public Date renewalNoticeAt(Date expiresAt) {
        return Date.from(expiresAt.toInstant().minus(policy.renewalNotice()));
    }

    public Date firstReminderAt(Date expiresAt) {
        return Date.from(expiresAt.toInstant().minus(policy.renewalFirstReminder()));
    }

    public Date lastReminderAt(Date expiresAt) {
        return Date.from(expiresAt.toInstant().minus(policy.renewalLastReminder()));
    }
}
