package org.tokengov.engineaccess;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;

class RefusalLogFilterTest {

    private static final String CLOSING = "ENGINE-16004 Exception while closing command context: {}";

    private final RefusalLogFilter filter = new RefusalLogFilter();
    private final Logger context = new LoggerContext().getLogger("org.camunda.bpm.engine.context");

    @Test
    void theEnginesErrorForARefusedStepIsLeftOut() {
        ProcessEngineException wrapped = new ProcessEngineException("ENGINE-03051 ... TaskListener ...",
                new FormFieldValidationException("testSummary", "Test summary is required."));

        assertThat(filter.decide(null, context, Level.ERROR, CLOSING, new Object[] {wrapped.getMessage(), wrapped}, null))
                .isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, context, Level.ERROR, CLOSING, null, wrapped)).isEqualTo(FilterReply.DENY);
    }

    @Test
    void realErrorsAndOtherLinesStay() {
        ProcessEngineException outage = new ProcessEngineException("REDCap PROD failed (HTTP 500)");
        FormFieldValidationException refusal = new FormFieldValidationException("x", "refused");

        assertThat(filter.decide(null, context, Level.ERROR, CLOSING, new Object[] {outage.getMessage(), outage}, null))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, context, Level.ERROR, "ENGINE-14006 Exception while executing job {}",
                new Object[] {"job", refusal}, null)).as("a job's failure is more than a refusal").isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, context, Level.DEBUG, CLOSING, new Object[] {"m", refusal}, null)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, context, Level.ERROR, null, null, null)).isEqualTo(FilterReply.NEUTRAL);
    }
}
