package org.tokengov.engineaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FormFieldsTest {

    @Test
    void aReviewFormLetsTheReviewerFillInOnlyTheDecisionTheChecklistAndComments() throws IOException {
        FormFields review = FormFields.parse(Files.readAllBytes(Path.of("forms/code-review.form")));

        assertThat(review.writable()).containsExactlyInAnyOrder("codeReviewOutcome", "codeReviewComments",
                "checkOffPeakSchedule", "checkIncrementalExports", "checkNoTokenInCode", "checkTokenInSecretStore");
        assertThat(review.allows("requestedRights")).as("shown in words, never submitted").isFalse();
        assertThat(review.allows("requester")).as("a disabled display field").isFalse();
        assertThat(review.allows("testSummary")).isFalse();
    }

    @Test
    void theRequestFormLetsTheRequesterFillInEveryQuestion() throws IOException {
        FormFields request = FormFields.parse(Files.readAllBytes(Path.of("forms/token-request.form")));

        assertThat(request.writable()).containsExactlyInAnyOrder("productionProjectId", "qaProjectId", "rightExport",
                "rightImport", "rightMobileApp", "intendedUse", "usageDescription", "callSchedule", "expectedCallsPerDay",
                "fairUseAccepted");
    }

    @Test
    void readOnlyDisabledAndButtonComponentsAreNotWritableAndNestedGroupsAre() {
        FormFields form = parse("""
                {"components": [
                  {"type": "text", "text": "Intro"},
                  {"type": "textfield", "key": "plain"},
                  {"type": "textfield", "key": "shown", "readonly": true},
                  {"type": "textfield", "key": "maybeShown", "readonly": "=someCondition"},
                  {"type": "textfield", "key": "greyed", "disabled": true},
                  {"type": "textfield", "key": "enabled", "disabled": false, "readonly": false},
                  {"type": "button", "key": "submit", "action": "submit"},
                  {"type": "group", "label": "Details", "components": [
                    {"type": "checkbox", "key": "inGroup"},
                    {"type": "group", "components": [{"type": "number", "key": "deeper"}]}
                  ]},
                  {"type": "group", "disabled": true, "components": [{"type": "textfield", "key": "inDisabledGroup"}]},
                  {"type": "group", "path": "address", "components": [{"type": "textfield", "key": "street"}]},
                  {"type": "textfield", "key": ""}
                ]}""");

        assertThat(form.writable()).containsExactlyInAnyOrder("plain", "enabled", "inGroup", "deeper");
    }

    @Test
    void aFormWithoutComponentsHasNoWritableFields() {
        assertThat(parse("{\"id\": \"empty\"}").writable()).isEmpty();
        assertThat(FormFields.NONE.allows("anything")).isFalse();
    }

    @Test
    void aBrokenFormIsAnError() {
        assertThatThrownBy(() -> parse("{not json")).isInstanceOf(IllegalStateException.class);
    }

    private static FormFields parse(String schema) {
        return FormFields.parse(schema.getBytes(StandardCharsets.UTF_8));
    }
}
