package org.tokengov.offboarding;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokengov.offboarding.*}: {@code suspend-redcap-account} (default false) also suspends the REDCap account of a
 * person who left the organisation, on every REDCap server, so that no token of theirs works, not even one made
 * outside this system; a rehire lifts what this system suspended. ({@code identity-poll-interval} is read where it
 * schedules.)
 */
@ConfigurationProperties("tokengov.offboarding")
public record OffboardingProperties(@DefaultValue("false") boolean suspendRedcapAccount) {
}
