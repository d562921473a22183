package org.tokengov.engineaccess;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubmissionBodyTest {

    private static final Optional<FormFields> REVIEW = Optional.of(new FormFields(Set.of("codeReviewOutcome", "codeReviewComments")));

    @Test
    void tasklistsSubmissionOfAFormPasses() {
        assertThatCode(() -> body("""
                {"variables": {"codeReviewOutcome": {"value": "APPROVED"}, "codeReviewComments": {"value": null}}}""")
                .checkTaskSubmission(REVIEW)).doesNotThrowAnyException();
        assertThatCode(() -> body("""
                {"variables": {"codeReviewOutcome": {"value": "APPROVED", "type": "String", "valueInfo": {}}}}""")
                .checkTaskSubmission(REVIEW)).doesNotThrowAnyException();
        assertThatCode(() -> body("").checkTaskSubmission(REVIEW)).doesNotThrowAnyException();
        assertThatCode(() -> body("{\"variables\": null}").checkTaskSubmission(REVIEW)).doesNotThrowAnyException();
    }

    @Test
    void aFieldTheFormDoesNotLetThePersonFillInIsRefused() {
        assertThatThrownBy(() -> body("{\"variables\": {\"requester\": {\"value\": \"mallory\"}}}").checkTaskSubmission(REVIEW))
                .isInstanceOf(FormInputRefusedException.class).hasMessage("The form has no field 'requester' that you can fill in.");
        assertThatThrownBy(() -> body("{\"variables\": {\"adminDecision\": {\"value\": \"APPROVED\"}}}")
                .checkTaskSubmission(Optional.of(FormFields.NONE)))
                .isInstanceOf(FormInputRefusedException.class).hasMessageStartingWith("This step takes no data");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"variables\": {\"codeReviewOutcome\": {\"value\": {\"a\": 1}}}}",
            "{\"variables\": {\"codeReviewOutcome\": {\"value\": [\"APPROVED\"]}}}",
            "{\"variables\": {\"codeReviewOutcome\": {\"value\": \"rO0ABX...\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": \"java.util.HashMap\", \"serializationDataFormat\": \"application/x-java-serialized-object\"}}}}",
            "{\"variables\": {\"codeReviewOutcome\": {\"value\": \"{}\", \"type\": \"Json\"}}}",
            "{\"variables\": {\"codeReviewOutcome\": {\"value\": \"<a/>\", \"type\": \"Xml\"}}}",
            "{\"variables\": {\"codeReviewOutcome\": {\"value\": \"aGk=\", \"type\": \"File\", \"valueInfo\": {\"filename\": \"x\"}}}}",
            "{\"variables\": {\"codeReviewOutcome\": {\"value\": \"aGk=\", \"type\": \"Bytes\"}}}",
            "{\"variables\": {\"codeReviewOutcome\": {\"value\": \"APPROVED\", \"type\": \"String\", \"valueInfo\": {\"transient\": true}}}}",
            "{\"variables\": {\"codeReviewOutcome\": {\"value\": \"APPROVED\", \"scope\": \"local\"}}}",
            "{\"variables\": {\"codeReviewOutcome\": \"APPROVED\"}}"})
    void anObjectOrOddlyShapedValueIsRefused(String json) {
        assertThatThrownBy(() -> body(json).checkTaskSubmission(REVIEW)).isInstanceOf(FormInputRefusedException.class)
                .hasMessage("'codeReviewOutcome' must be plain text, a number, yes or no, or a date.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"text\"", "{\"variables\": []}", "{\"withVariablesInReturn\": true}", "{not json",
            "{\"variables\": {}, \"variables\": {\"requester\": {\"value\": \"x\"}}}",
            "{\"variables\": {}} {\"startInstructions\": []}"})
    void aBodyThatIsNotASubmissionIsRefused(String json) {
        assertThatThrownBy(() -> body(json).checkTaskSubmission(REVIEW)).isInstanceOf(FormInputRefusedException.class);
    }

    @Test
    void aStartAtAnotherActivityWithSkippedListenersOrAChosenBusinessKeyIsForbidden() {
        Optional<FormFields> start = Optional.of(new FormFields(Set.of("productionProjectId")));
        assertThatThrownBy(() -> body("{\"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_IssueProductionToken\"}]}")
                .checkStart(start)).isInstanceOf(EngineAccessRefusedException.class)
                .hasMessage(Forbidden.START_ELSEWHERE.sentence());
        assertThatThrownBy(() -> body("{\"skipCustomListeners\": true}").checkStart(start))
                .isInstanceOf(EngineAccessRefusedException.class).hasMessage(Forbidden.SKIP_LISTENERS.sentence());
        assertThatThrownBy(() -> body("{\"skipIoMappings\": false}").checkStart(start))
                .isInstanceOf(EngineAccessRefusedException.class);
        assertThatThrownBy(() -> body("{\"businessKey\": \"token-1\"}").checkStart(start))
                .isInstanceOf(EngineAccessRefusedException.class).hasMessage(Forbidden.CHOOSE_BUSINESS_KEY.sentence());
        assertThatCode(() -> body("{\"businessKey\": null, \"variables\": {\"productionProjectId\": {\"value\": 101}}}")
                .checkStart(start)).doesNotThrowAnyException();
        assertThatThrownBy(() -> body("{\"variables\": {\"requester\": {\"value\": \"bob\"}}}").checkStart(start))
                .isInstanceOf(FormInputRefusedException.class);
    }

    @Test
    void aClaimNamesTheCaller() {
        assertThatCode(() -> body("{\"userId\": \"alice\"}").checkClaim("alice")).doesNotThrowAnyException();
        assertThatThrownBy(() -> body("{\"userId\": \"bob\"}").checkClaim("alice"))
                .isInstanceOf(EngineAccessRefusedException.class).hasMessage(Forbidden.CLAIM_FOR_OTHERS.sentence());
        assertThatThrownBy(() -> body("{}").checkClaim("alice")).isInstanceOf(EngineAccessRefusedException.class);
        assertThatThrownBy(() -> body("{\"userId\": \"alice\", \"assignee\": \"bob\"}").checkClaim("alice"))
                .isInstanceOf(FormInputRefusedException.class);
    }

    private static SubmissionBody body(String json) {
        return SubmissionBody.parse(json.getBytes(StandardCharsets.UTF_8));
    }
}
