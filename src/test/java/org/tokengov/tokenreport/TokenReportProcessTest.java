package org.tokengov.tokenreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tokengov.redcap.RedcapUnavailableException;
import org.tokengov.testsupport.BpmnTestEngine;

/**
 * Every path of TokenReportProcess: a report filed as the authenticated user (whatever the variables say), and a
 * refusal that reaches the person as the form's error and leaves no instance.
 */
@Deployment(resources = {"bpmn/TokenReportProcess.bpmn", "forms/token-report.form"})
class TokenReportProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnTestEngine.extension();

    TokenReportService reports = mock(TokenReportService.class);

    @BeforeEach
    void delegate() {
        Mocks.register("fileTokenReportDelegate", new FileTokenReportDelegate(reports));
    }

    @AfterEach
    void reset() {
        identityService().clearAuthentication();
        Mocks.reset();
    }

    @Test
    void aReportIsFiledAsTheUserWhoSubmittedIt() {
        when(reports.report(any(), eq("tok-1"), eq(TokenReport.CODE_CHANGE), eq("Adds the AE form")))
                .thenReturn(new ReportFiled("tok-1", "CODE_CHANGE_REPORTED", null));
        identityService().setAuthentication("alice", List.of("api-requesters"));

        ProcessInstance instance = runtimeService().startProcessInstanceByKey("TokenReportProcess",
                form("tok-1", "code-change", "Adds the AE form", "reportedBy", "ada"));

        assertThat(instance).isEnded().hasPassed("Task_FileTokenReport", "EndEvent_ReportFiled");
        verify(reports).report(new Reporter("alice", false), "tok-1", TokenReport.CODE_CHANGE, "Adds the AE form");
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(FileTokenReportDelegate.OUTCOME).singleResult().getValue()).isEqualTo("CODE_CHANGE_REPORTED");
    }

    @Test
    void administratorsReportAsAdministrators() {
        when(reports.report(any(), any(), any(), any())).thenReturn(new ReportFiled("tok-2", "COMPROMISE_REPORTED", null));
        identityService().setAuthentication("ada", List.of("redcap-admins"));

        runtimeService().startProcessInstanceByKey("TokenReportProcess", form("tok-2", "compromised", null));

        verify(reports).report(new Reporter("ada", true), "tok-2", TokenReport.COMPROMISED, null);
    }

    @Test
    void aRefusalIsTheFormsErrorAndLeavesNoInstance() {
        when(reports.report(any(), any(), any(), any()))
                .thenThrow(new ReportRefused(ReportRefused.Kind.NOT_ALLOWED, "Only the holder or a REDCap administrator may do this."));
        identityService().setAuthentication("bob", List.of("api-requesters"));

        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("TokenReportProcess", form("tok-3", "compromised", null)))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("Only the holder or a REDCap administrator may do this.");
        assertThat(historyService().createHistoricProcessInstanceQuery().count()).isZero();
    }

    @Test
    void aSilentRedcapIsTheFormsErrorTooNotAnIncident() {
        when(reports.report(any(), any(), any(), any())).thenThrow(new RedcapUnavailableException("timeout"));
        identityService().setAuthentication("pat", List.of("project-pis"));

        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("TokenReportProcess", form("tok-5", "left-project", null)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("REDCap does not answer just now");
        assertThat(historyService().createHistoricProcessInstanceQuery().count()).isZero();
    }

    @Test
    void aSuspensionAnUnknownReportNoTokenOrNoLoginIsRefusedBeforeTheService() {
        identityService().setAuthentication("ada", List.of("redcap-admins"));
        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("TokenReportProcess", form("tok-4", "suspension", "too many")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Choose what you report");
        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("TokenReportProcess", form(" ", "compromised", null)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Give the token id");
        identityService().clearAuthentication();
        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("TokenReportProcess", form("tok-4", "compromised", null)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Log in");
        verify(reports, never()).report(any(), any(), any(), any());
    }

    private static Map<String, Object> form(String tokenId, String report, String reason, String... more) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(FileTokenReportDelegate.TOKEN_ID, tokenId);
        variables.put(FileTokenReportDelegate.REPORT, report);
        if (reason != null) {
            variables.put(FileTokenReportDelegate.REASON, reason);
        }
        for (int i = 0; i < more.length; i += 2) {
            variables.put(more[i], more[i + 1]);
        }
        return variables;
    }
}
