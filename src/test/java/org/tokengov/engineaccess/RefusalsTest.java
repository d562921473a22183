package org.tokengov.engineaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

class RefusalsTest {

    @Test
    void aListenersRefusalWrappedByTheEngineSpeaksWithItsOwnMessage() {
        FormFieldValidationException invalid = new FormFieldValidationException("codeRepositoryUrl",
                "Code repository URL must be an https:// link.");
        RestException wrapped = new RestException(jakarta.ws.rs.core.Response.Status.INTERNAL_SERVER_ERROR,
                new ProcessEngineException("ENGINE-03051 There was an exception while invoking the TaskListener. Message: "
                        + "'Exception while invoking TaskListener: Code repository URL must be an https:// link.'", invalid),
                "Cannot complete task 42: ...");

        assertThat(Refusals.toAnswer(wrapped)).containsSame(invalid);
        assertThat(Refusals.status(invalid)).isEqualTo(400);
        assertThat(Refusals.body(invalid)).isEqualTo(Map.of("type", "FormFieldValidationException",
                "message", "Code repository URL must be an https:// link."));
    }

    @Test
    void theInnermostRefusalSpeaks() {
        AuthorizationException fourEyes = new AuthorizationException("rita may not act on her own request.");
        BadUserRequestException outer = new BadUserRequestException("ENGINE-00000 outer", new ProcessEngineException("middle", fourEyes));

        assertThat(Refusals.innermost(outer)).containsSame(fourEyes);
        assertThat(Refusals.status(fourEyes)).isEqualTo(403);
    }

    @Test
    void ourRefusalsAnswerAtTheTopAndCamundasOwnAreLeftToCamunda() {
        EngineAccessRefusedException ours = Forbidden.DELEGATE.refusal();
        AuthorizationException camundas = new AuthorizationException("The user with id 'bob' does not have 'TASK_WORK' permission");

        assertThat(Refusals.toAnswer(ours)).containsSame(ours);
        assertThat(Refusals.toAnswer(camundas)).isEmpty();
        assertThat(Refusals.toAnswer(new ProcessEngineException("ENGINE-16004 boom", new IllegalStateException("REDCap down"))))
                .isEmpty();
    }

    @Test
    void whatTheEngineDidNotFindIsA404() {
        assertThat(Refusals.status(new NotFoundException("Cannot find task"))).isEqualTo(404);
        assertThat(Refusals.status(new FormInputRefusedException("The form has no field 'x' that you can fill in."))).isEqualTo(400);
    }
}
