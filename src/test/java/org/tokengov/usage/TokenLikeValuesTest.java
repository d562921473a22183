package org.tokengov.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Anything that looks like a project (32 hex) or super (64 hex) token, anywhere in a delivery, is found and located. */
class TokenLikeValuesTest {

    static final String PROJECT_TOKEN = "0123456789ABCDEF0123456789ABCDEF";
    static final String SUPER_TOKEN = "0123456789abcdef".repeat(4);

    static Optional<String> where(String body) {
        return TokenLikeValues.where(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTokenInAnyFieldIsLocatedByItsPath() {
        assertThat(where("{\"calls\":[{\"id\":\"a\"},{\"id\":\"b\",\"records\":[\"1\",\"" + PROJECT_TOKEN + "\"]}]}"))
                .contains("calls[1].records[1]");
        assertThat(where("{\"calls\":[{\"filterLogic\":\"[token] = '" + SUPER_TOKEN.toLowerCase() + "'\"}]}"))
                .contains("calls[0].filterLogic");
        assertThat(where("{\"calls\":[{\"id\":\"" + PROJECT_TOKEN.toLowerCase() + "\"}]}")).contains("calls[0].id");
        assertThat(where("{\"" + PROJECT_TOKEN + "\":1}")).contains("a field name");
    }

    @Test
    void aTokenHiddenInEscapesOrNumbersOrBrokenJsonIsStillFound() {
        assertThat(where("{\"calls\":[{\"id\":\"\\u0030" + PROJECT_TOKEN.substring(1) + "\"}]}")).contains("calls[0].id");
        assertThat(where("{\"calls\":[{\"projectId\":" + "1".repeat(32) + "}]}")).contains("calls[0].projectId");
        assertThat(where("not json " + PROJECT_TOKEN)).contains("the body");
    }

    @Test
    void otherHexRunsAndOrdinaryValuesAreNoTokens() {
        assertThat(where("{\"calls\":[{\"id\":\"9b2f6c1e-4d2a-4f7e-8a5b-1c3d5e7f9a0b\",\"records\":[\"1001\"],"
                + "\"filterLogic\":\"[sha1] = 'da39a3ee5e6b4b0d3255bfef95601890afd80709'\"}]}")).isEmpty();
        assertThat(where("{\"calls\":[{\"id\":\"" + PROJECT_TOKEN.substring(1) + "\"}]}")).as("31 characters").isEmpty();
    }
}
