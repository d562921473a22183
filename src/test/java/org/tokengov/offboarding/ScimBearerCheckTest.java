package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The SCIM bearer check: only the configured token, presented with the Bearer scheme, is admitted. */
class ScimBearerCheckTest {

    static final String TOKEN = "configured-token";

    @Test
    void theConfiguredTokenIsAdmittedWhateverTheCaseOfTheScheme() {
        assertThat(ScimBearerCheck.admits("Bearer configured-token", TOKEN)).isTrue();
        assertThat(ScimBearerCheck.admits("bearer configured-token", TOKEN)).isTrue();
        assertThat(ScimBearerCheck.admits("  Bearer   configured-token ", TOKEN)).isTrue();
    }

    @Test
    void anyOtherTokenOrSchemeIsRefused() {
        assertThat(ScimBearerCheck.admits("Bearer configured-token2", TOKEN)).isFalse();
        assertThat(ScimBearerCheck.admits("Bearer configured", TOKEN)).isFalse();
        assertThat(ScimBearerCheck.admits("Bearer Configured-Token", TOKEN)).isFalse();
        assertThat(ScimBearerCheck.admits("Basic configured-token", TOKEN)).isFalse();
        assertThat(ScimBearerCheck.admits("Bearerconfigured-token", TOKEN)).isFalse();
        assertThat(ScimBearerCheck.admits("configured-token", TOKEN)).isFalse();
        assertThat(ScimBearerCheck.admits("Bearer ", TOKEN)).isFalse();
        assertThat(ScimBearerCheck.admits(null, TOKEN)).isFalse();
    }

    @Test
    void withoutAConfiguredTokenNothingIsAdmitted() {
        assertThat(ScimBearerCheck.admits("Bearer ", "")).isFalse();
        assertThat(ScimBearerCheck.admits("Bearer  ", " ")).isFalse();
        assertThat(ScimBearerCheck.admits("Bearer x", null)).isFalse();
    }
}
