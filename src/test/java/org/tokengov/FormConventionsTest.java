package org.tokengov;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * House rules for every Camunda Form in forms/: a field that shows what the process holds, and must not be submitted,
 * is {@code disabled}, never {@code readonly}. form-js submits read-only fields with the rest, and the engine refuses
 * a submission with fields the form does not own (org.tokengov.engineaccess), so a read-only field would make the
 * step impossible to complete.
 */
class FormConventionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void noFieldIsReadOnlyInsteadOfDisabled() throws IOException {
        List<Path> forms;
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            forms = files.filter(file -> file.toString().endsWith(".form")).sorted().toList();
        }
        assertThat(forms).isNotEmpty();
        List<String> readOnly = new ArrayList<>();
        for (Path form : forms) {
            collectReadOnly(form.getFileName().toString(), JSON.readTree(form.toFile()).path("components"), readOnly);
        }
        assertThat(readOnly).as("read-only fields (make them disabled)").isEmpty();
    }

    private static void collectReadOnly(String form, JsonNode components, List<String> readOnly) {
        for (JsonNode component : components) {
            JsonNode flag = component.get("readonly");
            if (flag != null && !flag.isNull() && !(flag.isBoolean() && !flag.asBoolean())) {
                readOnly.add(form + ": " + component.path("key").asText(component.path("id").asText()));
            }
            collectReadOnly(form, component.path("components"), readOnly);
        }
    }
}
