package org.tokengov.requeststate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageAskedTest {

    @Test
    void theFirstPageOfFiftyWhenNothingIsAsked() {
        assertThat(PageAsked.parse(null, null)).isEqualTo(new PageAsked(0, 50));
        assertThat(PageAsked.parse(" ", "")).isEqualTo(new PageAsked(0, 50));
        assertThat(PageAsked.parse("3", " 500 ")).isEqualTo(new PageAsked(3, 500));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-1 | 50 | page must be a whole number from 0 to 1000000, not \"-1\".",
            "two | 50 | page must be a whole number from 0 to 1000000, not \"two\".",
            "1000001 | 50 | page must be a whole number from 0 to 1000000",
            "0 | 0 | size must be a whole number from 1 to 500, not \"0\".",
            "0 | 501 | size must be a whole number from 1 to 500, not \"501\".",
            "0 | 1e3 | size must be a whole number from 1 to 500",
            "0 | 99999999999999999999999 | not \"99999999999999999999...\"."})
    void anythingElseIsRefusedWithTheAllowedRange(String page, String size, String message) {
        assertThatThrownBy(() -> PageAsked.parse(page, size)).isInstanceOf(PageAsked.Invalid.class).hasMessageContaining(message);
    }
}
