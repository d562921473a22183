package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An HR event's fields, each checked: the type, a plain username, a project only where it belongs, a sane date. */
class HrEventTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void aWellFormedEventHasNoProblems() {
        assertThat(new HrEvent("person.terminated", "bob", null, "2026-12-01T00:00:00Z").problems(NOW)).isEmpty();
        assertThat(new HrEvent("person.left_project", "bob", 101L, "2000-01-01T00:00:00Z").problems(NOW)).isEmpty();
        assertThat(new HrEvent("person.rehired", "j\u00fcrgen", null, "2036-11-28T12:00:00Z").problems(NOW))
                .as("exactly ten years ahead").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1999-12-31T23:59:59Z", "2036-11-28T12:00:01Z", "+999999-01-01T00:00:00Z",
            "-999999-01-01T00:00:00Z", "0001-01-01T00:00:00Z"})
    void effectiveDatesOutOfASaneRangeAreProblems(String effectiveAt) {
        assertThat(new HrEvent("person.terminated", "bob", null, effectiveAt).problems(NOW))
                .containsExactly("effectiveAt must be between 2000-01-01T00:00:00Z and 10 years from now.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"999999-01-01T00:00:00Z", "tomorrow", "2026-13-01T00:00:00Z", "2026-12-01", ""})
    void effectiveDatesThatAreNoInstantsAreProblems(String effectiveAt) {
        assertThat(new HrEvent("person.terminated", "bob", null, effectiveAt).problems(NOW))
                .containsExactly("effectiveAt is required, as an ISO 8601 instant such as 2026-12-01T00:00:00Z.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bob\u0000", "bob\nadmin", "\u001b[2Jbob", " ", ""})
    void usernamesWithControlCharactersOrBlankAreProblems(String username) {
        assertThat(new HrEvent("person.terminated", username, null, "2026-12-01T00:00:00Z").problems(NOW))
                .containsExactly("username is required: at most 191 characters, no control characters.");
    }

    @Test
    void aProjectBelongsOnlyToLeavingAProjectAndMustBeARedcapId() {
        assertThat(new HrEvent("person.terminated", "bob", 101L, "2026-12-01T00:00:00Z").problems(NOW))
                .containsExactly("projectId belongs only to person.left_project.");
        assertThat(new HrEvent("person.left_project", "bob", null, "2026-12-01T00:00:00Z").problems(NOW))
                .containsExactly("projectId is required for person.left_project.");
        assertThat(new HrEvent("person.left_project", "bob", 2147483648L, "2026-12-01T00:00:00Z").problems(NOW))
                .containsExactly("projectId must be a REDCap project id (1 to 2147483647).");
        assertThat(new HrEvent("person.left_project", "bob", 0L, "2026-12-01T00:00:00Z").problems(NOW)).hasSize(1);
    }

    @Test
    void nullsWhereAValueIsRequiredAreProblems() {
        assertThat(new HrEvent(null, null, null, null).problems(NOW)).hasSize(3);
    }
}
