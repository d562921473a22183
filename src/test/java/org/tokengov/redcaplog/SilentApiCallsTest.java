package org.tokengov.redcaplog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tokengov.redcap.RedcapLogRow;

/** Which rows of REDCap's request log are calls no log_event row tells, so the reader counts each call once. */
class SilentApiCallsTest {

    @Test
    void aContentThatWritesNoLogEventRowIsASilentCall() {
        assertThat(SilentApiCalls.isSilentCall(request("alice", "arm"))).isTrue();
        assertThat(SilentApiCalls.isSilentCall(request("alice", "formEventMapping"))).isTrue();
        assertThat(SilentApiCalls.content(request("alice", "instrument"))).contains("instrument");
    }

    @Test
    void aContentThatWritesALogEventRowIsCountedFromThereOnly() {
        for (String content : Set.of("record", "user", "userRole", "userRoleMapping", "metadata", "log", "file",
                "version", "project", "exportFieldNames")) {
            assertThat(SilentApiCalls.isSilentCall(request("alice", content))).as(content).isFalse();
        }
    }

    @Test
    void aRequestWithoutUserOrContentIsNoCall() {
        assertThat(SilentApiCalls.isSilentCall(request(null, "arm"))).as("an invalid token").isFalse();
        assertThat(SilentApiCalls.isSilentCall(request(" ", "arm"))).isFalse();
        assertThat(SilentApiCalls.isSilentCall(request("alice", ""))).isFalse();
        assertThat(SilentApiCalls.isSilentCall(new RedcapLogRow(1, "redcap_log_view", 201, LocalDateTime.now(), "alice",
                "api/index.php", "PAGE_VIEW", null, null, null, null, Set.of()))).isFalse();
    }

    private static RedcapLogRow request(String user, String content) {
        return new RedcapLogRow(1, "redcap_log_view", 201, LocalDateTime.of(2026, 1, 1, 12, 0), user, "api/index.php",
                "PAGE_VIEW", null, null, null,
                "// API Request: content = '" + content + "'; format = 'json'; token = '<redacted>'", Set.of());
    }
}
