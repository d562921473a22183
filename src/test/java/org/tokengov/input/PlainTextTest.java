package org.tokengov.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Control characters, line separators and lone surrogates are not plain text; every other character is. */
class PlainTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"bob\u0000", "bob\n", "bo\rb", "\tbob", "bob\u001b[31m", "bob\u007f", "bob\u0085", "bob\u2028",
            "bob\u2029", "bob\ud800", "\udc00bob", "\ud800\ud800"})
    void controlCharactersAndLoneSurrogatesAreNotPlain(String text) {
        assertThat(PlainText.isPlain(text)).isFalse();
    }

    @Test
    void lettersPunctuationAndCharactersBeyondTheBasicPlaneArePlain() {
        assertThat(PlainText.isPlain("j\u00fcrgen.o'neil-2@example.org")).isTrue();
        assertThat(PlainText.isPlain("Full exports every 5 s; see https://example.org/x?y=1 \ud83d\ude80")).isTrue();
        assertThat(PlainText.isPlain("")).isTrue();
    }
}
