package org.tokengov.testsupport;

import java.util.HashMap;
import java.util.Map;

/** What an API specialist submits to approve code: the outcome, and every point of the policy's checklist ticked. */
public final class CodeReviews {

    public static final Map<String, Object> CHECKLIST_TICKED = Map.of("checkOffPeakSchedule", true,
            "checkIncrementalExports", true, "checkNoTokenInCode", true, "checkTokenInSecretStore", true);

    private CodeReviews() {
    }

    /** For the engine's Java API. */
    public static Map<String, Object> approved() {
        return approved(null);
    }

    public static Map<String, Object> approved(String comments) {
        Map<String, Object> variables = new HashMap<>(CHECKLIST_TICKED);
        variables.put("codeReviewOutcome", "APPROVED");
        if (comments != null) {
            variables.put("codeReviewComments", comments);
        }
        return variables;
    }

    /** The same, as the members of a REST submission's {@code variables} object. */
    public static String approvedJson() {
        StringBuilder json = new StringBuilder("\"codeReviewOutcome\": {\"value\": \"APPROVED\"}");
        CHECKLIST_TICKED.keySet().stream().sorted()
                .forEach(name -> json.append(", \"").append(name).append("\": {\"value\": true}"));
        return json.toString();
    }
}
