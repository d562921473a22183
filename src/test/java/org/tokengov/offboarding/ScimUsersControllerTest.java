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

/** Without a configured bearer token the SCIM door is shut: 503 for everyone, and no event is recorded. */
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

        assertNotConfigured(() -> unconfigured.patch("bob", deactivate));
        assertNotConfigured(() -> unconfigured.delete("bob", "Bearer  "));
    }

    private static void assertNotConfigured(ThrowingCallable request) {
        assertThatThrownBy(request).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(e.error().detail()).contains("not configured");
        });
    }
}
