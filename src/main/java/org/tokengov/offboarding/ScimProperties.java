package org.tokengov.offboarding;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tokengov.scim.*}: the bearer token an identity provider's SCIM client presents (from the environment,
 * {@code TOKENGOV_SCIM_BEARER_TOKEN}). Blank leaves SCIM intake switched off.
 */
@ConfigurationProperties("tokengov.scim")
record ScimProperties(String bearerToken) {

    boolean configured() {
        return bearerToken != null && !bearerToken.isBlank();
    }

    @Override
    public String toString() {
        return "ScimProperties[bearerToken=***]";
    }
}
