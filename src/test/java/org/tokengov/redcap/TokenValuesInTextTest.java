package org.tokengov.redcap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Token values in REDCap's log text: found as fingerprints, blanked out, whatever their case or number. */
class TokenValuesInTextTest {

    static final String PROJECT_TOKEN = "0123456789ABCDEF0123456789ABCDEF";
    static final String SUPER_TOKEN = "FEDCBA9876543210FEDCBA9876543210FEDCBA9876543210FEDCBA9876543210";

    @Test
    void aProjectTokenInARegenerateDescriptionIsFoundAndBlanked() {
        TokenValuesInText.Scrubbed scrubbed = TokenValuesInText.scrub(
                "Regenerate API token for user; Replaced token = " + PROJECT_TOKEN);

        assertThat(scrubbed.text()).isEqualTo("Regenerate API token for user; Replaced token = [token]");
        assertThat(scrubbed.tokenValues()).containsExactly(TokenFingerprint.of(PROJECT_TOKEN));
    }

    @Test
    void aSuperTokenOf64HexIsOneValueNotTwo() {
        TokenValuesInText.Scrubbed scrubbed = TokenValuesInText.scrub("token=" + SUPER_TOKEN + "&content=version");

        assertThat(scrubbed.text()).isEqualTo("token=[token]&content=version");
        assertThat(scrubbed.tokenValues()).containsExactly(TokenFingerprint.of(SUPER_TOKEN));
    }

    @Test
    void aLowerOrMixedCaseCopyIsTheSameTokenForRedcapAndIsFingerprintedAsRedcapStoresIt() {
        String mixed = "0123456789abcdef0123456789AbCdEf";
        TokenValuesInText.Scrubbed scrubbed = TokenValuesInText.scrub("token=" + mixed);

        assertThat(scrubbed.text()).isEqualTo("token=[token]").doesNotContainIgnoringCase(PROJECT_TOKEN);
        assertThat(scrubbed.tokenValues()).contains(TokenFingerprint.of(PROJECT_TOKEN));
    }

    @Test
    void severalValuesInOneRowAreAllFoundAndAllBlanked() {
        String other = "ABCDEF0123456789ABCDEF0123456789";
        TokenValuesInText.Scrubbed scrubbed = TokenValuesInText.scrub("token=" + PROJECT_TOKEN
                + "&content=record&data=[{\"note\":\"" + other.toLowerCase() + "\"}]&super=" + SUPER_TOKEN);

        assertThat(scrubbed.text()).isEqualTo("token=[token]&content=record&data=[{\"note\":\"[token]\"}]&super=[token]");
        assertThat(scrubbed.tokenValues()).contains(TokenFingerprint.of(PROJECT_TOKEN), TokenFingerprint.of(other),
                TokenFingerprint.of(SUPER_TOKEN));
    }

    @Test
    void longerHexRunsAreBlankedTooButShorterOnesAndOtherTextStay() {
        String sha1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
        TokenValuesInText.Scrubbed scrubbed = TokenValuesInText.scrub("commit " + sha1 + ", record 0xBEEF, Export data (API)");

        assertThat(scrubbed.text()).isEqualTo("commit [token], record 0xBEEF, Export data (API)");
        assertThat(scrubbed.tokenValues()).as("40 hex is no token format").isEmpty();
    }

    @Test
    void nothingToScrub() {
        assertThat(TokenValuesInText.scrub(null).text()).isNull();
        assertThat(TokenValuesInText.scrub("user = 'alice'").text()).isEqualTo("user = 'alice'");
        assertThat(TokenValuesInText.scrub("user = 'alice'").tokenValues()).isEmpty();
        assertThat(TokenValuesInText.scrub("token=" + PROJECT_TOKEN).toString()).doesNotContain(PROJECT_TOKEN);
    }
}
