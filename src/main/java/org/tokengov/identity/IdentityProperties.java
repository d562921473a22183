package org.tokengov.identity;

import jakarta.validation.constraints.NotBlank;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tokengov.identity.*}. A username matching {@code service-account-pattern} is treated as a service
 * account, whatever the identity store says: the policy forbids tokens for service accounts. Token holders
 * are members of the entitlement group of each environment they hold a token in.
 */
@Validated
@ConfigurationProperties("tokengov.identity")
public record IdentityProperties(
        @NotBlank @DefaultValue("^(svc|service|sa|app)[_.-].*|.*[_.-](svc|service|bot)$") String serviceAccountPattern,
        @NotBlank @DefaultValue("redcap-api-qa") String qaEntitlementGroup,
        @NotBlank @DefaultValue("redcap-api-prod") String prodEntitlementGroup) {

    public IdentityProperties {
        Pattern.compile(serviceAccountPattern);
    }
}
