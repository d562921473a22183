package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tokengov.offboarding.OffboardingVariables.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;

class ManualOffboardingReportTest {

    static Map<String, Object> form(String username, String type, Object projectId, String reason) {
        Map<String, Object> form = new HashMap<>();
        form.put(USERNAME, username);
        form.put(EVENT_TYPE, type);
        form.put(PROJECT_ID, projectId);
        form.put(REASON, reason);
        form.put(REPORTED_BY, "ada");
        return form;
    }

    @Test
    void aTerminationNeedsNoProjectAndIgnoresOne() {
        ManualOffboardingReport report = ManualOffboardingReport.from(
                form(" bob ", OffboardingEvent.TERMINATED, 101L, "Contract ended"));

        assertThat(report).isEqualTo(new ManualOffboardingReport("bob", OffboardingEvent.TERMINATED, null,
                "Contract ended", "ada"));
    }

    @Test
    void leavingAProjectNamesIt() {
        assertThat(ManualOffboardingReport.from(form("bob", OffboardingEvent.LEFT_PROJECT, 101L, "Moved")).projectId())
                .isEqualTo(101L);
        assertThat(ManualOffboardingReport.from(form("bob", OffboardingEvent.LEFT_PROJECT, 101.0, "Moved")).projectId())
                .as("form-js numbers may arrive as doubles").isEqualTo(101L);
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        assertThatThrownBy(() -> ManualOffboardingReport.from(form("", "person.hired", 1.5, "")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("Username is required")
                .hasMessageContaining("Choose what happened")
                .hasMessageContaining("positive whole number")
                .hasMessageContaining("Give the reason");
        assertThatThrownBy(() -> ManualOffboardingReport.from(form("bob", OffboardingEvent.LEFT_PROJECT, null, "x")))
                .hasMessageContaining("Give the REDCap project the person left.");
        assertThatThrownBy(() -> ManualOffboardingReport.from(form("bob", OffboardingEvent.LEFT_PROJECT, 0L, "x")))
                .hasMessageContaining("positive whole number");
        assertThatThrownBy(() -> ManualOffboardingReport.from(form("bob", OffboardingEvent.REHIRED, null, "x")))
                .as("rehires come from HR, not this form").hasMessageContaining("Choose what happened");
    }
}
