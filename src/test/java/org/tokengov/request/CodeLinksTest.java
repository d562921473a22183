package org.tokengov.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeLinksTest {

    @Test
    void anHttpsRepositoryLinksToItselfAndToItsCommitOnTheForge() {
        CodeLinks links = CodeLinks.of("https://github.com/lab/visit-export.git", "3F2A9C1");

        assertThat(links.repository()).isEqualTo("https://github.com/lab/visit-export.git");
        assertThat(links.commit()).isEqualTo("https://github.com/lab/visit-export/commit/3f2a9c1");
        assertThat(CodeLinks.of("https://git.example.org/alice/sync/", "9c1e2d7").commit())
                .isEqualTo("https://git.example.org/alice/sync/commit/9c1e2d7");
    }

    @Test
    void whatMarkdownGivesAMeaningIsEncodedSoThatTheRequesterCannotWriteMarkup() {
        CodeLinks links = CodeLinks.of("https://x.org/a)!(b)*c_d'é", "9c1e2d7");

        assertThat(links.repository()).isEqualTo("https://x.org/a%29!%28b%29%2Ac%5Fd%27%C3%A9");
        assertThat(links.repository() + links.commit()).doesNotContain("(", ")", "*", "_", "'");
        assertThat(CodeLinks.of("https://x.org/a<b>", "9c1e2d7")).as("not a URI at all").isEqualTo(CodeLinks.NONE);
    }

    @Test
    void anythingButAnHttpsLinkWithAValidCommitGivesNoLink() {
        assertThat(CodeLinks.of("javascript:alert(1)", "9c1e2d7")).isEqualTo(CodeLinks.NONE);
        assertThat(CodeLinks.of("http://git.example.org/lab", "9c1e2d7")).isEqualTo(CodeLinks.NONE);
        assertThat(CodeLinks.of("https://git.example.org/lab", "not-a-hash")).isEqualTo(CodeLinks.NONE);
        assertThat(CodeLinks.of("https:///no-host", "9c1e2d7")).isEqualTo(CodeLinks.NONE);
        assertThat(CodeLinks.of(null, "9c1e2d7")).isEqualTo(CodeLinks.NONE);
    }
}
