package org.tokengov.engineaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EngineApiPathTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/task/42/claim                                            | task/42/claim",
            "/engine/default/task/42/claim                             | task/42/claim",
            "/engine/other/task/42/claim                               | task/42/claim",
            "/process-definition/TokenRequestProcess%3A1%3Aabc/start   | process-definition/TokenRequestProcess:1:abc/start",
            "/engine/                                                  | engine",
            "/engine                                                   | engine",
            "/engine/default                                           | ''",
            "''                                                        | ''",
            "/task/                                                    | task",
            "/user/ren%C3%A9/profile                                   | user/rené/profile"})
    void readsTheSegmentsAfterTheEnginePart(String raw, String segments) {
        assertThat(String.join("/", EngineApiPath.parse(raw).segments())).isEqualTo(segments);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/task;x=1/42/complete", "/task/42;jsessionid=1/complete", "/task/42%2Fcomplete",
            "/task/42%2fcomplete", "/task/42%5Cx", "/task/../process-instance/1/variables", "/task/%2e%2e/x", "/task/./42",
            "/task//42/complete", "//task", "/task/%zz", "/task/%4", "/task/%00", "/task/%C3%28", "/task/a%3Bb"})
    void refusesPathsThatCouldBeReadInMoreThanOneWay(String raw) {
        assertThatThrownBy(() -> EngineApiPath.parse(raw)).isInstanceOf(MalformedCallException.class)
                .hasMessageStartingWith("This address cannot be used:");
    }
}
