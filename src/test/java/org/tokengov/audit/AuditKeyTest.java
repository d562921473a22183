package org.tokengov.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the audit key comes from: configured, or generated once into the embedded default's key file; never absent. */
class AuditKeyTest {

    @TempDir Path directory;

    @Test
    void aConfiguredKeyIsUsedAsItsBytes() {
        String key = "a configured audit key, 32 chars+";

        assertThat(new AuditKey(properties(key, directory.resolve("unused.key"))).bytes())
                .isEqualTo(key.getBytes(StandardCharsets.UTF_8));
        assertThat(directory.resolve("unused.key")).as("a configured key wins over the file").doesNotExist();
    }

    @Test
    void withoutAKeyOrKeyFileTheAppDoesNotStartAndSaysWhatToSet() {
        assertThatThrownBy(() -> new AuditKey(properties("", null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No audit key: set TOKENGOV_AUDIT_KEY");
        assertThatThrownBy(() -> new AuditKey(properties(null, null))).hasMessageContaining("TOKENGOV_AUDIT_KEY");
    }

    @Test
    void aShortKeyIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> new AuditKey(properties("too-short-secret", null)))
                .hasMessageContaining("shorter than 32 characters")
                .hasMessageNotContaining("too-short-secret");
    }

    @Test
    void theEmbeddedDefaultGeneratesAKeyOnceAndKeepsIt() throws Exception {
        Path keyFile = directory.resolve("data/audit-mac.key");

        byte[] first = new AuditKey(properties(null, keyFile)).bytes();
        byte[] again = new AuditKey(properties(null, keyFile)).bytes();

        assertThat(first).hasSizeGreaterThanOrEqualTo(AuditKey.MIN_LENGTH).isEqualTo(again);
        assertThat(Files.getPosixFilePermissions(keyFile))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(new AuditKey(properties(null, directory.resolve("other.key"))).bytes()).as("random").isNotEqualTo(first);
    }

    @Test
    void theKeyIsNotInTheSettingsText() {
        assertThat(properties("a configured audit key, 32 chars+", null).toString()).doesNotContain("configured");
    }

    private static AuditProperties properties(String key, Path keyFile) {
        return new AuditProperties(key, keyFile, Duration.ofMinutes(1), Duration.ofHours(1));
    }
}
