package org.tokengov.tokenreport;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import org.tokengov.identity.RedcapAdministrators;
import org.tokengov.redcap.RedcapException;

/**
 * Files the report of Tasklist's start form {@code token-report}, as the user who submitted it: the engine's current
 * authentication, which runs this step because the step is not asynchronous. Neither the initiator variable nor any
 * field decides who reports (a start carries only the form's fields, and the authentication is the engine's). A
 * refusal is the form's validation error: the start rolls back, Tasklist shows the sentence, Camunda's REST API
 * answers 400, and no process instance is left behind.
 */
@Component("fileTokenReportDelegate")
class FileTokenReportDelegate implements JavaDelegate {

    static final String FORM = "token-report";
    static final String TOKEN_ID = "reportedTokenId";
    static final String REPORT = "tokenReport";
    static final String REASON = "tokenReportReason";
    static final String OUTCOME = "tokenReportOutcome";

    /** Tasklist offers these; a suspension is an administrator's decision, taken on the dashboard or the API. */
    static final List<TokenReport> OFFERED = List.of(TokenReport.COMPROMISED, TokenReport.NO_LONGER_NEEDED,
            TokenReport.CODE_CHANGE, TokenReport.LEFT_PROJECT);

    private final TokenReportService reports;

    FileTokenReportDelegate(TokenReportService reports) {
        this.reports = reports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (user == null || user.getUserId() == null) {
            throw refusal("Log in to report about a token.");
        }
        Reporter reporter = new Reporter(user.getUserId(),
                RedcapAdministrators.includeAnyOf(user.getGroupIds() == null ? List.of() : user.getGroupIds()));
        TokenReport report = TokenReport.ofSlug(text(execution.getVariable(REPORT))).filter(OFFERED::contains)
                .orElseThrow(() -> refusal("Choose what you report: compromised, no longer needed, code changed or "
                        + "left the project."));
        String tokenId = text(execution.getVariable(TOKEN_ID)).trim();
        if (tokenId.isEmpty()) {
            throw refusal("Give the token id, as the dashboard shows it.");
        }
        Object reason = execution.getVariable(REASON);
        try {
            ReportFiled filed = reports.report(reporter, tokenId, report, reason == null ? null : reason.toString());
            execution.setVariable(OUTCOME, filed.action());
        } catch (ReportRefused refused) {
            throw refusal(refused.getMessage());
        } catch (RedcapException unanswered) {
            // Whether the reporter is the project's PI is REDCap's to say: the person tries again, nothing is stuck.
            throw refusal("REDCap does not answer just now; try again in a few minutes.");
        }
    }

    private static String text(Object value) {
        return value instanceof String text ? text : "";
    }

    private static FormFieldValidationException refusal(String message) {
        return new FormFieldValidationException(FORM, "Cannot file the report: " + message);
    }
}
