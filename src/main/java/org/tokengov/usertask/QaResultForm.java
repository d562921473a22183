package org.tokengov.usertask;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Where the tested code is and what the QA test showed: the fields of every "test in QA" task (the first request, a
 * suspended token's fix, a code change), held to the same rules everywhere.
 */
public final class QaResultForm {

    public static final String CODE_REPOSITORY_URL = "codeRepositoryUrl";
    public static final String CODE_COMMIT = "codeCommit";
    public static final String TEST_SUMMARY = "testSummary";
    static final int SUMMARY_MIN = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A QA test result as the ledger keeps it. */
    public record QaResult(String repository, String commit, String summary) {
    }

    private QaResultForm() {
    }

    public static List<String> problems(VariableScope task) {
        List<String> problems = new ArrayList<>();
        FormValues values = new FormValues(task, problems);
        values.pattern(CODE_REPOSITORY_URL, "Code repository URL", "^https://\\S{1,492}$",
                "must be an https:// link without spaces, at most 500 characters");
        values.pattern(CODE_COMMIT, "Commit", "^[0-9a-fA-F]{7,40}$", "must be 7 to 40 hexadecimal characters");
        values.text(TEST_SUMMARY, "QA test summary", SUMMARY_MIN, DecisionForm.COMMENTS_MAX);
        return problems;
    }

    /** The submitted result as one line of the audit trail (the summary is in the ledger). */
    public static String describe(VariableScope task) {
        return "repository " + text(task, CODE_REPOSITORY_URL) + " commit " + text(task, CODE_COMMIT);
    }

    /** The submitted result, for the ledger entry's details (after {@link #problems} found none). */
    public static String ledgerDetails(VariableScope task) {
        try {
            return JSON.writeValueAsString(new QaResult(text(task, CODE_REPOSITORY_URL), text(task, CODE_COMMIT),
                    text(task, TEST_SUMMARY)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A result read back from a ledger entry's details; backfilled entries may hold only a line of text. */
    public static QaResult fromLedger(String details) {
        if (details != null && details.startsWith("{")) {
            try {
                return JSON.readValue(details, QaResult.class);
            } catch (JsonProcessingException e) {
                return new QaResult(null, null, details);
            }
        }
        return new QaResult(null, null, details);
    }

    public static String text(VariableScope task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString().trim();
    }
}
