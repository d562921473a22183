package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;

/**
 * Without a configured bearer token the SCIM door is shut: 503 for everyone on every endpoint, and nothing is
 * recorded; a username with control characters is refused before anything is recorded.
 */
class ScimUsersControllerTest {

    /** No offboarding events at all: recording one would fail the test. */
    final ScimUsersController unconfigured = new ScimUsersController(null, new ScimProperties(" "));

    @Test
    void everyRequestIsRefusedAsNotConfigured() {
        RequestEntity<byte[]> deactivate = RequestEntity.patch(URI.create("/scim/v2/Users/bob"))
                .header("Authorization", "Bearer  ")
                .contentType(MediaType.APPLICATION_JSON)
                .body(ScimPatchTest.patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}")
                        .getBytes(StandardCharsets.UTF_8));

        RequestEntity<byte[]> create = RequestEntity.post(URI.create("/scim/v2/Users"))
                .header("Authorization", "Bearer  ")
                .contentType(MediaType.APPLICATION_JSON)
                .body(ScimNewUserTest.ENTRA_CREATE.formatted("bob").getBytes(StandardCharsets.UTF_8));

        assertNotConfigured(() -> unconfigured.patch("bob", deactivate));
        assertNotConfigured(() -> unconfigured.delete("bob", "Bearer  "));
        assertNotConfigured(() -> unconfigured.create(create));
        assertNotConfigured(() -> unconfigured.get("bob", "Bearer  "));
        assertNotConfigured(() -> unconfigured.query("userName eq \"bob\"", null, null, "Bearer  "));
        ScimDiscoveryController discovery = new ScimDiscoveryController(new ScimProperties(" "));
        assertNotConfigured(() -> discovery.serviceProviderConfig("Bearer  "));
        assertNotConfigured(() -> discovery.resourceTypes("Bearer  "));
        assertNotConfigured(() -> discovery.schemas("Bearer  "));
    }

    @Test
    void aUsernameWithControlCharactersIsRefusedBeforeAnythingIsRecorded() {
        ScimUsersController configured = new ScimUsersController(null, new ScimProperties("token"));

        for (String username : new String[] {"bob\u0000", "bob\nadmin", "bob\u0007"}) {
            assertThatThrownBy(() -> configured.delete(username, "Bearer token"))
                    .isInstanceOfSatisfying(ScimException.class, e -> {
                        assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                        assertThat(e.error().scimType()).isEqualTo(ScimException.INVALID_VALUE);
                    });
        }
    }

    private static void assertNotConfigured(ThrowingCallable request) {
        assertThatThrownBy(request).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(e.error().detail()).contains("not configured");
        });
    }
}
