package org.tokengov.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict JSON: what a lenient reader would accept or guess at is refused, each with a message that says why. */
class StrictJsonTest {

    record Event(String type, String username, Long projectId, Boolean active) {
    }

    @Test
    void aWellFormedObjectIsRead() {
        assertThat(read("{\"type\":\"t\",\"username\":\"bob\",\"projectId\":101,\"active\":false}"))
                .isEqualTo(new Event("t", "bob", 101L, false));
        assertThat(read(" {\"username\":\"bob\"} \n")).as("whitespace around it").isEqualTo(new Event(null, "bob", null, null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"username\":\"a\",\"username\":\"b\"}                 | Duplicate field 'username'",
            "{\"username\":\"a\"} {\"username\":\"b\"}               | The body is not valid JSON",
            "{\"username\":\"a\"} x                                  | The body is not valid JSON",
            "{\"username\":\"a\"}]                                   | The body is not valid JSON",
            "{\"username\":123}                                      | username must be a string.",
            "{\"username\":true}                                     | username must be a string.",
            "{\"username\":{\"first\":\"a\"}}                        | username must be a string.",
            "{\"projectId\":\"101\"}                                 | projectId must be a whole number.",
            "{\"projectId\":101.0}                                   | projectId must be a whole number.",
            "{\"projectId\":true}                                    | projectId must be a whole number.",
            "{\"projectId\":99999999999999999999}                    | out of range",
            "{\"active\":\"false\"}                                  | active must be true or false.",
            "{\"active\":0}                                          | active must be true or false.",
            "{\"username\":\"a\",\"salary\":1}                       | Unknown field \"salary\"; the fields are active, projectId, type, username.",
            "[{\"username\":\"a\"}]                                  | The body must be one JSON object.",
            "\"bob\"                                                 | The body must be one JSON object.",
            "null                                                    | The body must be one JSON object.",
            "not json                                                | The body is not valid JSON"})
    void whatALenientReaderWouldGuessAtIsRefused(String body, String reason) {
        assertThatThrownBy(() -> read(body.trim())).isInstanceOf(StrictJson.Unreadable.class).hasMessageContaining(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void anEmptyBodyIsRefused(String body) {
        assertThatThrownBy(() -> read(body)).isInstanceOf(StrictJson.Unreadable.class);
    }

    @Test
    void anEmptyObjectHasNoFields() {
        record NoFields() {
        }
        assertThat(StrictJson.read("{}".getBytes(StandardCharsets.UTF_8), NoFields.class)).isEqualTo(new NoFields());
        assertThatThrownBy(() -> StrictJson.read("{\"reason\":\"x\"}".getBytes(StandardCharsets.UTF_8), NoFields.class))
                .hasMessage("Unknown field \"reason\": this body takes no fields.");
    }

    @Test
    void nullsAreLeftToTheCallersRules() {
        assertThat(read("{\"username\":null}")).isEqualTo(new Event(null, null, null, null));
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        byte[] latin1 = "{\"username\":\"j\u00fcrgen\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> StrictJson.read(latin1, Event.class)).isInstanceOf(StrictJson.Unreadable.class);
    }

    private static Event read(String body) {
        return StrictJson.read(body.getBytes(StandardCharsets.UTF_8), Event.class);
    }
}
