package org.tokengov.leaks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.tokengov.redcap.TokenFingerprint;

/** Every format a repository comes in is read file by file, and no archive makes the scan read without end. */
class UploadedFilesTest {

    static final String PROJECT_TOKEN = "3F2A9C0B7D1E4F6A8B0C2D4E6F8A0B1C";
    static final String SUPER_TOKEN = PROJECT_TOKEN + "0123456789ABCDEF0123456789ABCDEF";
    static final LeakScanProperties LIMITS = new LeakScanProperties(DataSize.ofMegabytes(1), 10);

    final Map<String, String> repository = new LinkedHashMap<>(Map.of(
            "README.md", "# Nightly export\n",
            "src/export.py", "import os\n\nTOKEN = '" + PROJECT_TOKEN + "'\n",
            "deploy/env", "REDCAP_SUPER=" + SUPER_TOKEN + "\n"));

    @Test
    void aZipsFilesAreReadByTheirPathsWithTheLineOfEachValue() {
        TokenSightings sightings = UploadedFiles.read(Archives.zip(repository), LIMITS);

        assertThat(sightings.files()).isEqualTo(3);
        assertThat(sightings.firstSeen()).containsEntry(TokenFingerprint.of(PROJECT_TOKEN), "src/export.py:3")
                .containsEntry(TokenFingerprint.of(SUPER_TOKEN), "deploy/env:1");
    }

    @Test
    void aTarAndATarGzAreReadAsTheZipIs() {
        for (byte[] archive : new byte[][] {Archives.tar(repository), Archives.gzip(Archives.tar(repository))}) {
            TokenSightings sightings = UploadedFiles.read(archive, LIMITS);

            assertThat(sightings.files()).isEqualTo(3);
            assertThat(sightings.firstSeen()).containsEntry(TokenFingerprint.of(PROJECT_TOKEN), "src/export.py:3")
                    .containsEntry(TokenFingerprint.of(SUPER_TOKEN), "deploy/env:1");
        }
    }

    @Test
    void aTextOrAGzippedFileIsOneFileAndALowerCaseValueIsTheSameToken() {
        byte[] text = ("curl -d token=" + PROJECT_TOKEN.toLowerCase(Locale.ROOT) + " https://redcap.example.org/api/")
                .getBytes(StandardCharsets.UTF_8);

        for (byte[] upload : new byte[][] {text, Archives.gzip(text)}) {
            TokenSightings sightings = UploadedFiles.read(upload, LIMITS);

            assertThat(sightings.files()).isEqualTo(1);
            assertThat(sightings.firstSeen()).containsEntry(TokenFingerprint.of(PROJECT_TOKEN), "upload:1");
        }
    }

    @Test
    void hexRunsOfOtherLengthsAreNoTokens() {
        String commit = "9c1e2d7a6b5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d";
        TokenSightings sightings = UploadedFiles.read(("commit " + commit + "\nlonger " + PROJECT_TOKEN + "A\n")
                .getBytes(StandardCharsets.UTF_8), LIMITS);

        assertThat(sightings.firstSeen()).isEmpty();
    }

    @Test
    void moreFilesThanAllowedStopTheScan() {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            many.put("file" + i + ".txt", "nothing");
        }

        assertThatThrownBy(() -> UploadedFiles.read(Archives.zip(many), LIMITS)).isInstanceOf(UnreadableUpload.class)
                .hasMessageContaining("more than 10 files").hasMessageContaining("tokengov.leaks.max-files");
    }

    @Test
    void anArchiveThatUnpacksPastTheLimitStopsTheScanWhileItIsRead() {
        String zeros = "0".repeat(2 * 1024 * 1024);
        byte[] bomb = Archives.zip(Map.of("zeros.txt", zeros));
        assertThat(bomb.length).as("small packed").isLessThan(10_000);

        assertThatThrownBy(() -> UploadedFiles.read(bomb, LIMITS)).isInstanceOf(UnreadableUpload.class)
                .hasMessageContaining("more than 1 MB").hasMessageContaining("tokengov.leaks.max-unpacked-size");
        assertThatThrownBy(() -> UploadedFiles.read(Archives.gzip(zeros.getBytes(StandardCharsets.UTF_8)), LIMITS))
                .isInstanceOf(UnreadableUpload.class).hasMessageContaining("more than 1 MB");
    }

    @Test
    void aBrokenArchiveIsRefusedAsOne() {
        for (byte[] archive : new byte[][] {Archives.gzip(Archives.tar(repository)), Archives.zip(repository)}) {
            byte[] truncated = java.util.Arrays.copyOf(archive, archive.length / 2);

            assertThatThrownBy(() -> UploadedFiles.read(truncated, LIMITS)).isInstanceOf(UnreadableUpload.class)
                    .hasMessageContaining("broken archive");
        }
    }
}
